package cn.zhaoshang.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.zhaoshang.incentive.IncentiveClaim.Var;

/**
 * The award table (process-models/IncentiveAward.dmn) against chenzhou-2017 §5 (商协会 ≥ 2 万元), §6 (外资 ≥ 500 万美元
 * 千分之一, below 万分之八; 增资 ≥ 500 万美元 千分之一, below nothing; 新来源国别 5 万元), §11 (以商招商 10 万元 once the
 * referred project of ≥ 5000 万元 is in production) and qiaocheng §八 (招商顾问), on every boundary. Hit policy UNIQUE:
 * every input gives exactly one row (the engine fails the evaluation on none or two), "nothing" included.
 */
@Deployment(resources = "process-models/IncentiveAward.dmn")
class IncentiveAwardDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml").build();

    DecisionService decisionService;

    @BeforeEach
    void services() {
        decisionService = engine.getDecisionService();
    }

    @ParameterizedTest(name = "{0}, 到位外资 {1} 万美元, 被引荐投资 {2} 万元, 投产 {3} → rate {4}, 定额 {5} 元")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # new FDI: ≥ 500 万美元 (含) 千分之一, below 万分之八 (chenzhou §6)
            FDI_NEW            | 0       | null  | null  | 0.0008 | 0
            FDI_NEW            | 1       | null  | null  | 0.0008 | 0
            FDI_NEW            | 499.99  | null  | null  | 0.0008 | 0
            FDI_NEW            | 500     | null  | null  | 0.001  | 0
            FDI_NEW            | 500.01  | null  | null  | 0.001  | 0
            FDI_NEW            | 3000    | 9000  | true  | 0.001  | 0
            FDI_NEW            | null    | null  | null  | 0.0008 | 0
            # capital increase: 突破 500 万美元 千分之一, below nothing (chenzhou §6)
            FDI_INCREASE       | 499.99  | null  | null  | 0      | 0
            FDI_INCREASE       | 500     | null  | null  | 0.001  | 0
            FDI_INCREASE       | 500.01  | null  | null  | 0.001  | 0
            FDI_INCREASE       | 0       | null  | null  | 0      | 0
            # a new source country: 5 万元 once, whatever the amounts (chenzhou §6)
            NEW_SOURCE_COUNTRY | 0       | null  | null  | 0      | 50000
            NEW_SOURCE_COUNTRY | 800     | 0     | false | 0      | 50000
            # referral: 10 万元 once the referred project of ≥ 5000 万元 is in production (chenzhou §11)
            REFERRAL           | null    | 4999  | true  | 0      | 0
            REFERRAL           | null    | 4999.99 | true | 0     | 0
            REFERRAL           | null    | 5000  | true  | 0      | 100000
            REFERRAL           | null    | 5000.01 | true | 0     | 100000
            REFERRAL           | null    | 5000  | false | 0      | 0
            REFERRAL           | null    | 4999  | false | 0      | 0
            REFERRAL           | null    | 80000 | null  | 0      | 0
            REFERRAL           | null    | null  | true  | 0      | 0
            # chamber of commerce (chenzhou §5, ≥ 2 万元) and investment advisor (qiaocheng §八): amounts in the table
            CHAMBER            | null    | null  | null  | 0      | 20000
            CHAMBER            | 600     | 6000  | true  | 0      | 20000
            ADVISOR            | null    | null  | null  | 0      | 20000
            # anything else: the explicit "nothing" row
            LOTTERY            | 600     | 6000  | true  | 0      | 0
            """)
    @DisplayName("IncentiveAward: one row for every award type and boundary")
    void award(String awardType, Double paidInUsdWan, Double referredInvestmentWan, Boolean inProduction,
            double rate, double fixedAmountYuan) {
        DmnDecisionResult result = evaluate(awardType, paidInUsdWan, referredInvestmentWan, inProduction);

        assertThat(result).as("UNIQUE: exactly one rule").hasSize(1);
        Map<String, Object> entries = result.getSingleResult().getEntryMap();
        assertThat(((Number) entries.get(Var.RATE)).doubleValue()).isEqualTo(rate);
        assertThat(((Number) entries.get(Var.FIXED_AMOUNT_YUAN)).doubleValue()).isEqualTo(fixedAmountYuan);
    }

    @Test
    @DisplayName("chamber and advisor amounts respect chenzhou §5's minimum of 20 000 元")
    void chamberAtLeastTwentyThousand() {
        for (String type : new String[] {"CHAMBER"}) {
            double fixed = ((Number) evaluate(type, null, null, null).getSingleResult().getEntry(Var.FIXED_AMOUNT_YUAN))
                    .doubleValue();
            assertThat(fixed).isGreaterThanOrEqualTo(20000);
        }
    }

    @Test
    @DisplayName("every award type the claims use has its rows in the table")
    void everyAwardTypeIsInTheTable() {
        for (AwardType type : AwardType.values()) {
            assertThat(evaluate(type.name(), 500.0, 5000.0, true)).as(type.name()).hasSize(1);
        }
    }

    DmnDecisionResult evaluate(String awardType, Double paidInUsdWan, Double referredInvestmentWan,
            Boolean inProduction) {
        VariableMap variables = Variables.createVariables()
                .putValue(Var.AWARD_TYPE, awardType)
                .putValue(Var.PAID_IN_FOREIGN_CAPITAL_USD_WAN, paidInUsdWan)
                .putValue(Var.REFERRED_INVESTMENT_WAN, referredInvestmentWan)
                .putValue(Var.PROJECT_IN_PRODUCTION, inProduction);
        return decisionService.evaluateDecisionByKey(IncentiveClaim.DECISION_KEY).variables(variables).evaluate();
    }
}
