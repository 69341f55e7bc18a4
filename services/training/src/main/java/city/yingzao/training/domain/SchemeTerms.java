package city.yingzao.training.domain;

/**
 * T3: the numbers of a certification scheme in force when a certificate is granted or renewed
 * (operator settings), frozen onto that period.
 *
 * @param validityMonths            how long a period lasts
 * @param recertificationWindowDays how many days before expiry a renewal is accepted
 * @param assessmentThreshold       the least assessment score (0-100) that certifies
 */
public record SchemeTerms(int validityMonths, int recertificationWindowDays, int assessmentThreshold) {

    public SchemeTerms {
        if (validityMonths < 1 || recertificationWindowDays < 0 || assessmentThreshold < 0 || assessmentThreshold > 100) {
            throw new IllegalArgumentException("scheme terms out of range");
        }
    }
}
