package cn.zhaoshang.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** amount = paid-in (万美元) × 10000 × rate × exchange rate + fixed, HALF_UP to 0.01 元 (docs/incentives.md). */
class AwardAmountsTest {

    @ParameterizedTest(name = "{0} 万美元 × 10000 × {1} × {2} + {3} = {4} 元")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            600     | 0.001  | 7.1234 | 0      | 42740.40
            499.99  | 0.0008 | 7.1234 | 0      | 28493.03
            500     | 0.001  | 7.1    | 0      | 35500.00
            # 0.125 元 rounds up, 0.124 down (HALF_UP at 0.01 元)
            0.01    | 0.001  | 1.25   | 0      | 0.13
            0.01    | 0.001  | 1.24   | 0      | 0.12
            # fixed amounts need no capital and no exchange rate
            null    | 0      | null   | 100000 | 100000.00
            null    | 0      | null   | 50000  | 50000.00
            499.99  | 0      | 7.1234 | 0      | 0.00
            """)
    void amount(BigDecimal paidIn, BigDecimal rate, BigDecimal exchangeRate, BigDecimal fixed, String expected) {
        assertThat(AwardAmounts.amountYuan(paidIn, rate, exchangeRate, fixed).toPlainString()).isEqualTo(expected);
    }

    @Test
    void aShareOfTheCapitalNeedsTheCapitalAndTheRate() {
        assertThatThrownBy(() -> AwardAmounts.amountYuan(null, new BigDecimal("0.001"), new BigDecimal("7"),
                BigDecimal.ZERO)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void decisionNumbersAreTakenByTheirDecimalText() {
        assertThat(AwardAmounts.decimal(0.0008d)).isEqualByComparingTo("0.0008");
        assertThat(AwardAmounts.decimal(100000.0d)).isEqualByComparingTo("100000");
        assertThat(AwardAmounts.decimal(null)).isEqualByComparingTo("0");
    }

    @Test
    void basisKeysAreNormalised() {
        assertThat(BasisKeys.of(AwardType.FDI_NEW, 12L, null, "x", null)).isEqualTo("FDI|P12");
        assertThat(BasisKeys.of(AwardType.FDI_INCREASE, 12L, null, "y", null)).as("one FDI award per project")
                .isEqualTo("FDI|P12");
        assertThat(BasisKeys.of(AwardType.NEW_SOURCE_COUNTRY, 3L, " 新西兰 ", "a", null))
                .isEqualTo(BasisKeys.of(AwardType.NEW_SOURCE_COUNTRY, 4L, "新西兰", "b", null));
        assertThat(BasisKeys.of(AwardType.CHAMBER, null, null, "温州商会（磐安）", 2025))
                .isEqualTo(BasisKeys.of(AwardType.CHAMBER, null, null, " 温州商会(磐安) ", 2025))
                .isNotEqualTo(BasisKeys.of(AwardType.CHAMBER, null, null, "温州商会（磐安）", 2026));
        assertThat(BasisKeys.of(AwardType.REFERRAL, 7L, null, "z", null)).isEqualTo("REFERRAL|P7");
    }
}
