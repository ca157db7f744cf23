package cn.zhaoshang.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
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

import cn.zhaoshang.lead.LeadScreening.Var;

/**
 * The major-project decision (process-models/MajorProject.dmn) against chenzhou-2017 §9 (外资3000万美元以上或内资2亿元以上)
 * and panan-2022 §四.3 (7亿元以上制造业项目), on every boundary. "以上" includes the boundary.
 */
@Deployment(resources = "process-models/MajorProject.dmn")
class MajorProjectDecisionTest {

    static final String FOREIGN = "外资项目：外资≥3000万美元";
    static final String DOMESTIC = "内资项目：总投资≥2亿元";
    static final String MANUFACTURING = "制造业项目：总投资≥7亿元";
    static final String NOT_MAJOR = "未达重大项目标准";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-test.cfg.xml").build();

    DecisionService decisionService;

    @BeforeEach
    void services() {
        decisionService = engine.getDecisionService();
    }

    @ParameterizedTest(name = "外资 {0} 万美元, 总投资 {1} 万元, {2} → {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            # foreign capital ≥ 3000 万美元, whatever the total and the industry (chenzhou-2017 §9)
            2999.99  | 10000    | DIGITAL       | false | 未达重大项目标准
            3000     | 10000    | DIGITAL       | true  | 外资项目：外资≥3000万美元
            3000.01  | 100      | OTHER         | true  | 外资项目：外资≥3000万美元
            3000     | 80000    | MANUFACTURING | true  | 外资项目：外资≥3000万美元
            2999.99  | 19999.99 | MANUFACTURING | false | 未达重大项目标准
            # domestic (no foreign capital) and total ≥ 2 亿元 = 20000 万元 (chenzhou-2017 §9)
            0        | 19999.99 | DIGITAL       | false | 未达重大项目标准
            0        | 20000    | DIGITAL       | true  | 内资项目：总投资≥2亿元
            0        | 20000.01 | CULTURE_TOURISM | true | 内资项目：总投资≥2亿元
            # with some foreign capital (below 3000 万美元) the domestic rule does not apply
            0.01     | 20000    | DIGITAL       | false | 未达重大项目标准
            1000     | 20000    | DIGITAL       | false | 未达重大项目标准
            1000     | 19999.99 | DIGITAL       | false | 未达重大项目标准
            # manufacturing and total ≥ 7 亿元 = 70000 万元 (panan-2022 §四.3), also with foreign capital below 3000 万美元
            1000     | 69999    | MANUFACTURING | false | 未达重大项目标准
            1000     | 69999.99 | MANUFACTURING | false | 未达重大项目标准
            1000     | 70000    | MANUFACTURING | true  | 制造业项目：总投资≥7亿元
            1000     | 70000    | DIGITAL       | false | 未达重大项目标准
            1000     | 69999    | DIGITAL       | false | 未达重大项目标准
            1000     | 90000    | NEW_ENERGY    | false | 未达重大项目标准
            # a domestic manufacturing project over 7 亿元 is already major as a domestic one (hit policy FIRST)
            0        | 69999    | MANUFACTURING | true  | 内资项目：总投资≥2亿元
            0        | 70000    | MANUFACTURING | true  | 内资项目：总投资≥2亿元
            0        | 70000    | OTHER         | true  | 内资项目：总投资≥2亿元
            0        | 0        | MANUFACTURING | false | 未达重大项目标准
            """)
    @DisplayName("MajorProject: foreign ≥ 3000 万美元, domestic ≥ 2 亿元, manufacturing ≥ 7 亿元")
    void majorProject(double foreignCapitalUsdWan, double totalInvestmentWan, String industry, boolean major,
            String reason) {
        DmnDecisionResultEntries result = evaluate(lead(foreignCapitalUsdWan, totalInvestmentWan, industry));

        assertThat(result.getEntryMap()).isEqualTo(Map.of(Var.MAJOR_PROJECT, major, Var.MAJOR_REASON, reason));
    }

    @ParameterizedTest(name = "外资 empty, 总投资 {0} 万元 → {1}")
    @CsvSource({"19999.99, false, 未达重大项目标准", "20000, true, 内资项目：总投资≥2亿元"})
    @DisplayName("MajorProject: an empty foreign capital (optional on the report form) counts as a domestic project")
    void emptyForeignCapitalIsDomestic(double totalInvestmentWan, boolean major, String reason) {
        VariableMap withNull = lead(0, totalInvestmentWan, "DIGITAL").putValue(Var.FOREIGN_CAPITAL_USD_WAN, null);
        assertThat(evaluate(withNull).getEntryMap())
                .isEqualTo(Map.of(Var.MAJOR_PROJECT, major, Var.MAJOR_REASON, reason));

        VariableMap without = lead(0, totalInvestmentWan, "DIGITAL");
        without.remove(Var.FOREIGN_CAPITAL_USD_WAN);
        assertThat(evaluate(without).getEntryMap())
                .isEqualTo(Map.of(Var.MAJOR_PROJECT, major, Var.MAJOR_REASON, reason));
    }

    @Test
    @DisplayName("MajorProject: integer amounts (Long, as a form may send them) are compared like decimals")
    void integerAmounts() {
        VariableMap lead = Variables.createVariables()
                .putValue(Var.FOREIGN_CAPITAL_USD_WAN, 3000L)
                .putValue(Var.TOTAL_INVESTMENT_WAN, 100L)
                .putValue(Var.INDUSTRY, "OTHER");
        Boolean major = evaluate(lead).getEntry(Var.MAJOR_PROJECT);
        assertThat(major).isTrue();
    }

    @Test
    @DisplayName("MajorProject: always exactly one result, so the process can map it to majorProject / majorReason")
    void alwaysOneResult() {
        assertThat(decisionService.evaluateDecisionByKey(LeadScreening.MAJOR_PROJECT_DECISION_KEY)
                .variables(lead(0, 0, null)).evaluate()).hasSize(1);
    }

    @Test
    @DisplayName("MajorProject: keeps history for ten years")
    void historyTimeToLive() {
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(LeadScreening.MAJOR_PROJECT_DECISION_KEY).singleResult().getHistoryTimeToLive())
                .isEqualTo(3650);
    }

    private DmnDecisionResultEntries evaluate(VariableMap lead) {
        return decisionService.evaluateDecisionByKey(LeadScreening.MAJOR_PROJECT_DECISION_KEY)
                .variables(lead).evaluate().getSingleResult();
    }

    private static VariableMap lead(double foreignCapitalUsdWan, double totalInvestmentWan, String industry) {
        return Variables.createVariables()
                .putValue(Var.FOREIGN_CAPITAL_USD_WAN, foreignCapitalUsdWan)
                .putValue(Var.TOTAL_INVESTMENT_WAN, totalInvestmentWan)
                .putValue(Var.INDUSTRY, industry);
    }
}
