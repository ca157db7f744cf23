package cn.zhaoshang.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The approval tier decision (process-models/ApprovalTier.dmn) against panan-2022 §二.5 and §五.1, evaluated the way
 * external clients do: decision {@code ApprovalTier} with the five application variables; the required decision
 * {@code LandAreaTier} is evaluated by the engine.
 */
@Deployment(resources = "process-models/ApprovalTier.dmn")
class ApprovalTierDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-test.cfg.xml").build();

    DecisionService decisionService;

    @BeforeEach
    void services() {
        decisionService = engine.getDecisionService();
    }

    /**
     * Land area alone (panan-2022 §二.5; dev zone §五.1). Boundaries are inclusive as the seed writes them:
     * "20亩（含）以下", "20-50亩（含）", "50亩以上". Columns: devZone, landRequired, projectCategory, landAreaMu, landAreaTier.
     */
    static final String[][] LAND_AREA_TABLE = {
            // not a dev-zone project: no land
            {"false", "false", "INDUSTRIAL", null, "T1"},
            {"false", "false", "SERVICE", null, "T1"},
            // 文旅、康养、服务业、农业、商业: ≤ 20 T1, ]20..50] T2, > 50 T3
            {"false", "true", "SERVICE", "0", "T1"},
            {"false", "true", "SERVICE", "20", "T1"},
            {"false", "true", "SERVICE", "20.0001", "T2"},
            {"false", "true", "SERVICE", "30", "T2"},
            {"false", "true", "SERVICE", "30.0001", "T2"},
            {"false", "true", "SERVICE", "50", "T2"},
            {"false", "true", "SERVICE", "50.0001", "T3"},
            // 工业: ≤ 30 T1, ]30..50] T2, > 50 T3
            {"false", "true", "INDUSTRIAL", "0", "T1"},
            {"false", "true", "INDUSTRIAL", "20", "T1"},
            {"false", "true", "INDUSTRIAL", "20.0001", "T1"},
            {"false", "true", "INDUSTRIAL", "30", "T1"},
            {"false", "true", "INDUSTRIAL", "30.0001", "T2"},
            {"false", "true", "INDUSTRIAL", "50", "T2"},
            {"false", "true", "INDUSTRIAL", "50.0001", "T3"},
            // dev zone (§五.1): no land or ≤ 50 the dev zone approves itself, > 50 standing committee
            {"true", "false", "INDUSTRIAL", null, "DEVZONE"},
            {"true", "false", "SERVICE", null, "DEVZONE"},
            {"true", "true", "SERVICE", "0", "DEVZONE"},
            {"true", "true", "SERVICE", "20", "DEVZONE"},
            {"true", "true", "SERVICE", "20.0001", "DEVZONE"},
            {"true", "true", "SERVICE", "30", "DEVZONE"},
            {"true", "true", "SERVICE", "30.0001", "DEVZONE"},
            {"true", "true", "SERVICE", "50", "DEVZONE"},
            {"true", "true", "SERVICE", "50.0001", "T3"},
            {"true", "true", "INDUSTRIAL", "0", "DEVZONE"},
            {"true", "true", "INDUSTRIAL", "20", "DEVZONE"},
            {"true", "true", "INDUSTRIAL", "20.0001", "DEVZONE"},
            {"true", "true", "INDUSTRIAL", "30", "DEVZONE"},
            {"true", "true", "INDUSTRIAL", "30.0001", "DEVZONE"},
            {"true", "true", "INDUSTRIAL", "50", "DEVZONE"},
            {"true", "true", "INDUSTRIAL", "50.0001", "T3"},
    };

    /** 一事一议 raises one tier (提级审定, panan-2022 §二.5). */
    static final Map<String, String> RAISED = Map.of("T1", "T2", "T2", "T3", "T3", "T3", "DEVZONE", "T2");

    static Stream<Arguments> landAreaCases() {
        return Stream.of(LAND_AREA_TABLE).map(row -> Arguments.of(
                Boolean.valueOf(row[0]), Boolean.valueOf(row[1]), row[2], row[3] == null ? null : Double.valueOf(row[3]),
                row[4]));
    }

    /** every land-area case × caseByCaseSupport true / false / null (null is "not involved"). */
    static Stream<Arguments> approvalTierCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String[] row : LAND_AREA_TABLE) {
            for (Boolean caseByCase : new Boolean[] {Boolean.FALSE, Boolean.TRUE, null}) {
                String expected = Boolean.TRUE.equals(caseByCase) ? RAISED.get(row[4]) : row[4];
                cases.add(Arguments.of(Boolean.valueOf(row[0]), Boolean.valueOf(row[1]), row[2],
                        row[3] == null ? null : Double.valueOf(row[3]), caseByCase, expected));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "devZone={0} landRequired={1} {2} {3}亩 → {4}")
    @MethodSource("landAreaCases")
    @DisplayName("LandAreaTier: land area and category give the tier")
    void landAreaTier(boolean devZone, boolean landRequired, String category, Double landAreaMu, String expected) {
        Object result = decisionService.evaluateDecisionByKey("LandAreaTier")
                .variables(application(devZone, landRequired, category, landAreaMu))
                .evaluate().getSingleEntry();
        assertThat(result).isEqualTo(expected);
    }

    @ParameterizedTest(name = "devZone={0} landRequired={1} {2} {3}亩 一事一议={4} → {5}")
    @MethodSource("approvalTierCases")
    @DisplayName("ApprovalTier: land-area tier, one tier higher with 一事一议")
    void approvalTier(boolean devZone, boolean landRequired, String category, Double landAreaMu, Boolean caseByCase,
            String expected) {
        VariableMap variables = application(devZone, landRequired, category, landAreaMu)
                .putValue(LandingApproval.Var.CASE_BY_CASE_SUPPORT, caseByCase);
        assertThat(tier(variables)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}亩 without caseByCaseSupport variable → {2}")
    @CsvSource({"SERVICE, 10, T1", "INDUSTRIAL, 40, T2", "SERVICE, 60, T3"})
    @DisplayName("ApprovalTier: a missing caseByCaseSupport variable counts as not involved")
    void missingCaseByCaseSupport(String category, double landAreaMu, String expected) {
        assertThat(tier(application(false, true, category, landAreaMu))).isEqualTo(expected);
    }

    @Test
    @DisplayName("ApprovalTier: both decisions keep history for ten years")
    void historyTimeToLive() {
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().list())
                .extracting(d -> d.getKey() + "=" + d.getHistoryTimeToLive())
                .containsExactlyInAnyOrder("LandAreaTier=3650", "ApprovalTier=3650");
    }

    private Object tier(VariableMap variables) {
        return decisionService.evaluateDecisionByKey(LandingApproval.DECISION_KEY)
                .variables(variables)
                .evaluate().getSingleEntry();
    }

    private static VariableMap application(boolean devZone, boolean landRequired, String category, Double landAreaMu) {
        return Variables.createVariables()
                .putValue(LandingApproval.Var.DEV_ZONE, devZone)
                .putValue(LandingApproval.Var.LAND_REQUIRED, landRequired)
                .putValue(LandingApproval.Var.PROJECT_CATEGORY, category)
                .putValue(LandingApproval.Var.LAND_AREA_MU, landAreaMu);
    }
}
