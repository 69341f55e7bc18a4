#!/usr/bin/env python3
"""Generates deploy/keycloak/realm-yingzao.json (local development realm of Yingzao 营造).

Python 3 standard library only. Run: python3 deploy/keycloak/generate-realm.py
Secrets and passwords in the output are for the local stack only.
"""
import json
import os

REALM = "yingzao"
ROLES = [
    "city-operator", "district-operator", "community-staff", "party-reviewer",
    "council-member", "resident", "agency", "reviewer", "evaluator",
    "supervisor", "trainer", "auditor",
]
SERVICES = ["registry", "deliberation", "finance", "grants", "evaluation", "training"]
CLI = "yingzao-cli"
PASSWORD = "demo"
HOME_COMMUNITY = "510104021001"
# Keycloak's default role of the realm (created by the import): the account console (view and
# manage one's own account). An imported user gets only the roles listed, so every demo user lists it.
DEFAULT_ROLE = f"default-roles-{REALM}"

# Scope claims: user attributes that reach the tokens through the protocol mappers below. The
# services authorise by them (a community's staff act only in their community), so only an
# administrator may set them: the user sees them (account console, read-only) but cannot edit them.
# (community: codes of the communities, many; the others: one code each.)
SCOPE_ATTRIBUTES = [
    ("community", "Communities", True),
    ("district", "District", False),
    ("household", "Household", False),
    ("org", "Organisation", False),
]


def scope_attribute(name, display, multivalued):
    return {
        "name": name,
        "displayName": display,
        "group": "yingzao-scope",
        "validations": {"length": {"max": 64}},
        "permissions": {"view": ["admin", "user"], "edit": ["admin"]},
        "multivalued": multivalued,
    }


# Declarative user profile (Keycloak 26): the defaults plus the scope attributes, declared so that
# their permissions hold. No unmanaged attributes: an attribute that is not declared here cannot
# be set by anyone (with "ENABLED" a user could add and edit any undeclared attribute through the
# account console or the account REST API).
USER_PROFILE = {
    "attributes": [
        {
            "name": "username",
            "displayName": "${username}",
            "validations": {
                "length": {"min": 3, "max": 255},
                "username-prohibited-characters": {},
                "up-username-not-idn-homograph": {},
            },
            "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]},
            "multivalued": False,
        },
        {
            "name": "email",
            "displayName": "${email}",
            "validations": {"email": {}, "length": {"max": 255}},
            "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]},
            "multivalued": False,
        },
        {
            "name": "firstName",
            "displayName": "${firstName}",
            "validations": {"length": {"max": 255}, "person-name-prohibited-characters": {}},
            "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]},
            "multivalued": False,
        },
        {
            "name": "lastName",
            "displayName": "${lastName}",
            "validations": {"length": {"max": 255}, "person-name-prohibited-characters": {}},
            "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]},
            "multivalued": False,
        },
    ] + [scope_attribute(*a) for a in SCOPE_ATTRIBUTES],
    "groups": [
        {
            "name": "user-metadata",
            "displayHeader": "User metadata",
            "displayDescription": "Attributes, which refer to user metadata",
        },
        {
            "name": "yingzao-scope",
            "displayHeader": "Yingzao scope",
            "displayDescription": "Where the user acts in Yingzao; set by an administrator",
        },
    ],
}

# Brute-force detection: after 5 failed logins the account is locked for 1 minute, longer as the
# failures go on (at most 15 minutes); failures are forgotten after 12 hours. Two failures within
# 1 s lock it for 1 minute.
BRUTE_FORCE = {
    "bruteForceProtected": True,
    "permanentLockout": False,
    "failureFactor": 5,
    "waitIncrementSeconds": 60,
    "maxFailureWaitSeconds": 900,
    "maxDeltaTimeSeconds": 43200,
    "quickLoginCheckMilliSeconds": 1000,
    "minimumQuickLoginWaitSeconds": 60,
}


def attribute_mapper(attribute, multivalued):
    return {
        "name": attribute,
        "protocol": "openid-connect",
        "protocolMapper": "oidc-usermodel-attribute-mapper",
        "consentRequired": False,
        "config": {
            "user.attribute": attribute,
            "claim.name": attribute,
            "jsonType.label": "String",
            "multivalued": "true" if multivalued else "false",
            "aggregate.attrs": "false",
            "access.token.claim": "true",
            "id.token.claim": "true",
            "userinfo.token.claim": "true",
            "introspection.token.claim": "true",
        },
    }


def mappers():
    return [
        attribute_mapper("community", True),
        attribute_mapper("district", False),
        attribute_mapper("org", False),
        attribute_mapper("household", False),
    ]


def audience_mapper(service):
    """Puts the service's client id into the access token's aud: each service accepts only tokens
    meant for it (quarkus.oidc.token.audience)."""
    return {
        "name": f"audience {service}",
        "protocol": "openid-connect",
        "protocolMapper": "oidc-audience-mapper",
        "consentRequired": False,
        "config": {
            "included.client.audience": service,
            "access.token.claim": "true",
            "id.token.claim": "false",
            "introspection.token.claim": "true",
            "lightweight.claim": "false",
        },
    }


def service_client(name):
    return {
        "clientId": name,
        "name": f"Yingzao {name} service",
        "enabled": True,
        "protocol": "openid-connect",
        "publicClient": False,
        "bearerOnly": False,
        "clientAuthenticatorType": "client-secret",
        "secret": f"{name}-secret",
        "serviceAccountsEnabled": False,
        "standardFlowEnabled": False,
        "implicitFlowEnabled": False,
        "directAccessGrantsEnabled": False,
        "fullScopeAllowed": True,
        "protocolMappers": mappers(),
    }


def cli_client():
    return {
        "clientId": CLI,
        "name": "Yingzao command line and tests",
        "enabled": True,
        "protocol": "openid-connect",
        "publicClient": True,
        "standardFlowEnabled": False,
        "implicitFlowEnabled": False,
        "directAccessGrantsEnabled": True,
        "serviceAccountsEnabled": False,
        "fullScopeAllowed": True,
        # the demo scripts and the system tests call every service with this client's tokens
        "protocolMappers": mappers() + [audience_mapper(s) for s in SERVICES],
    }


def user(username, roles, first, last, **attrs):
    attributes = {}
    for key, value in attrs.items():
        attributes[key] = value if isinstance(value, list) else [value]
    return {
        "username": username,
        "enabled": True,
        "emailVerified": True,
        "email": f"{username}@yingzao.local",
        "firstName": first,
        "lastName": last,
        "attributes": attributes,
        "credentials": [{"type": "password", "value": PASSWORD, "temporary": False}],
        "realmRoles": roles + [DEFAULT_ROLE],
    }


def users():
    result = [
        user("city-operator", ["city-operator"], "City", "Operator"),
        user("district-operator", ["district-operator"], "District", "Operator", district="510104"),
        user("community-staff", ["community-staff"], "Community", "Staff",
             community=[HOME_COMMUNITY], district="510104"),
        user("community-staff-2", ["community-staff"], "Community", "Staff Two",
             community=["510184110201"], district="510184"),
        user("party-reviewer", ["party-reviewer"], "Party", "Reviewer", community=[HOME_COMMUNITY]),
    ]
    for i in range(1, 26):
        result.append(user(f"council-member-{i}", ["council-member", "resident"], "Council",
                           f"Member {i}", community=[HOME_COMMUNITY]))
    for i in range(1, 13):
        result.append(user(f"resident-{i}", ["resident"], "Resident", f"{i}",
                           community=[HOME_COMMUNITY], household=f"H{i:04d}"))
    result.append(user("agency", ["agency"], "Agency", "Worker", org="ORG-SW-01"))
    for name in ["reviewer", "evaluator", "supervisor", "trainer", "auditor"]:
        result.append(user(name, [name], name.capitalize(), "Demo"))
    # a participatory evaluator whose certificate expired (training's demo data): grants and
    # evaluation must refuse to assign them (E2)
    result.append(user("evaluator-expired", ["evaluator"], "Evaluator", "Expired"))
    # a second participatory evaluator: an evaluation needs two to three (E6)
    result.append(user("evaluator-2", ["evaluator"], "Evaluator", "Two"))
    return result


def realm():
    return {
        "realm": REALM,
        "displayName": "Yingzao 营造",
        "enabled": True,
        # plain HTTP only from loopback and private addresses (the local stack, in-cluster calls)
        "sslRequired": "external",
        "accessTokenLifespan": 1800,
        "registrationAllowed": False,
        "loginWithEmailAllowed": True,
        "duplicateEmailsAllowed": False,
        **BRUTE_FORCE,
        "roles": {
            "realm": [{"name": r, "description": f"Yingzao role {r}"} for r in ROLES],
        },
        "clients": [service_client(s) for s in SERVICES] + [cli_client()],
        "users": users(),
        "components": {
            "org.keycloak.userprofile.UserProfileProvider": [
                {
                    "providerId": "declarative-user-profile",
                    "subComponents": {},
                    "config": {
                        "kc.user.profile.config": [
                            json.dumps(USER_PROFILE, ensure_ascii=False, separators=(",", ":"))
                        ]
                    },
                }
            ]
        },
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "realm-yingzao.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(realm(), f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
