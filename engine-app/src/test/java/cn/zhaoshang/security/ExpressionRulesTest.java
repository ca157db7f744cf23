package cn.zhaoshang.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The expression part of the deployment rule, on the expressions the project's models use and on attack payloads. */
class ExpressionRulesTest {

    /** Beans as the app has them: two allowed (a delegate, a calculator), the engine's services not. */
    static final ExpressionRules.BeanCatalog BEANS = new ExpressionRules.BeanCatalog() {
        private final Map<String, Set<String>> allowed = Map.of(
                "sendReminderDelegate", Set.of("execute"),
                "approvalDeadlines", Set.of("dueAt", "reminderAt", "escalationAt"));
        private final Set<String> others = Set.of("runtimeService", "processEngine", "dataSource", "identitySetup",
                "environment", "applicationContext");

        @Override
        public boolean isBean(String name) {
            return allowed.containsKey(name) || others.contains(name);
        }

        @Override
        public boolean isAllowed(String name) {
            return allowed.containsKey(name);
        }

        @Override
        public boolean allowsMember(String bean, String member) {
            return allowed.getOrDefault(bean, Set.of()).contains(member);
        }
    };

    final ExpressionRules rules = new ExpressionRules(BEANS);

    @ParameterizedTest
    @ValueSource(strings = {
            "${sendReminderDelegate}",
            "${decision == 'REJECT' && afterRejection == 'END'}",
            "${agendaSize > 0}",
            "${duplicateOfLeadId != null}",
            "${approvalDeadlines.dueAt('Task_ReviewByDeputyHead')}",
            "${execution.setVariable('returnedBy', 'Task_ReviewByJusticeBureau')}",
            "${execution.getVariable('supervisedMatter')}",
            "${execution.removeVariable('meetingDecision')}",
            "${decisionResult.getSingleResult().getEntry('majorReason')}",
            "${consultationDepartments}",
            "${sendReminderDelegate.execute(execution)}",
            "${now()}", "${dateTime().plusDays(3).toDate()}", "#{currentUser()}",
            "审批：${opinion}（${decision}）",
            "no expression at all",
            "${list[0]}", "${map.get('key')}", "${empty list ? 'a' : 'b'}"})
    void whatTheProjectsModelsUse_isAllowed(String expression) {
        assertThat(rules.check(expression)).as(expression).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch /tmp/pwned')}",
            "${execution.getProcessEngineServices().getRuntimeService()}",
            "${execution.processEngineServices.runtimeService}",
            "${execution.getProcessEngine().getIdentityService()}",
            "${opinion.getClass()}",
            "${opinion.class.classLoader}",
            "${runtimeService.createProcessInstanceQuery().list()}",
            "${dataSource.connection}",
            "${processEngine}",
            "${applicationContext.getBean('dataSource')}",
            "${approvalDeadlines.getClass()}",
            "${approvalDeadlines.hashCode()}",
            "${approvalDeadlines.dueAt('x').getClass()}",
            "${execution[name]}",
            "${execution['processEngineServices']}",
            "${T(java.lang.Runtime).getRuntime()}",
            "${fn:exec('id')}",
            "${S(x).mapTo('java.lang.Runtime')}",
            "${x = 1}",
            "${unclosed"})
    void attackPayloads_areRefusedWithARule(String expression) {
        List<ExpressionRules.Finding> findings = rules.check(expression);
        assertThat(findings).as(expression).isNotEmpty();
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.rule()).startsWith("EXPRESSION_");
            assertThat(finding.message()).contains(" / ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"${currentUser()}", "${currentUserGroups()}", "#{now()}", " ${ currentUser( ) } "})
    void storedFilters_mayKeepTheCallerAndTheTime(String expression) {
        assertThat(StoredQueryExpressions.isAllowed(expression)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${currentUser().getClass()}", "${''.getClass()}", "${currentUser()}${now()}",
            "x${currentUser()}", "${dateTime().plusDays(1)}", "currentUser()"})
    void storedFilters_mayKeepNothingElse(String expression) {
        assertThat(StoredQueryExpressions.isAllowed(expression)).isFalse();
    }
}
