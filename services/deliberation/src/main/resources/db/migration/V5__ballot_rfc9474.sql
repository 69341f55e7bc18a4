-- D8, issue 14: the secret ballot on RFC 9474 RSA blind signatures, variant
-- RSABSSA-SHA384-PSS-Randomized (SHA-384, MGF1-SHA-384, 48-byte salt, 32-byte random prefix).
-- Every box records its protocol. Boxes opened before this version used textbook RSA over
-- SHA-256(token) (CHAUM-SHA256): their credentials do not verify under RFC 9474, so such a box
-- that is still open issues no credential and takes no ballot any more; its chair closes issuance
-- and the vote as usual (what was cast before the upgrade is counted).
-- n and e stay in modulus / public_exponent (decimal); the API publishes them as SPKI DER.
alter table ballot_box add column variant varchar(40);
update ballot_box set variant = 'CHAUM-SHA256';
alter table ballot_box alter column variant set not null;
alter table ballot_box add constraint ballot_box_variant_check
    check (variant in ('CHAUM-SHA256', 'RSABSSA-SHA384-PSS-Randomized'));
