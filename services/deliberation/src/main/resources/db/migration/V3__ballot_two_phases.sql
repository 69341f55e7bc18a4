-- D8, issue 10: the secret ballot in two phases, the private key sealed, the public list of ballots.
--  * ISSUING: present members take credentials, nothing is cast; CASTING: issuance is closed (the
--    private key is destroyed), ballots are cast; CLOSED: counted and published.
--  * The private exponent is never stored in plain text: private_key_sealed is AES-256-GCM under a
--    key from the service's configuration (not in the database), null once issuance closes.
--  * ballots: the public list {receipt, choice} of a closed box, for anyone to recount.
alter table ballot_box drop constraint ballot_box_status_check;
alter table ballot_box alter column status type varchar(16);
-- a box open under the one-phase protocol keeps taking ballots, but issues no more credentials:
-- its plain-text key is destroyed here and its issued count is fixed
update ballot_box b set status = 'CASTING',
       issued = (select count(*) from credential_issuance c where c.motion_id = b.motion_id)
 where b.status = 'OPEN';
alter table ballot_box drop column private_exponent;
alter table ballot_box add column private_key_sealed bytea;
alter table ballot_box add column ballots text;
alter table ballot_box add constraint ballot_box_status_check check (status in ('ISSUING', 'CASTING', 'CLOSED'));
alter table ballot_box add constraint ballot_box_key_only_while_issuing check (private_key_sealed is null or status = 'ISSUING');
