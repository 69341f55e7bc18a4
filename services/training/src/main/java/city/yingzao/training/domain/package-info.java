/**
 * The training rules T1-T4 as plain Java: institutions and courses with versions and prerequisites
 * (T1, T2), sessions with capacity and an ordered waitlist, attendance with short-lived self-mark
 * codes, completion over every scheduled meeting and certification schemes with validity,
 * recertification window, suspension, revocation and expiry (T3), and the map's profile (T4).
 * Policies take what they need and return a {@link city.yingzao.kernel.rules.Rejection} naming the rule.
 */
package city.yingzao.training.domain;
