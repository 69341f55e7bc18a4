/** Grants use cases: transactions, access checks (role and scope), the outbox; they call the domain's policies. */
package city.yingzao.grants.application;
