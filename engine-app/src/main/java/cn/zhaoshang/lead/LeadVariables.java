package cn.zhaoshang.lead;

import java.math.BigDecimal;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

import static cn.zhaoshang.lead.LeadScreening.Var;

/** Moves a lead between its row and the few process variables the forms, task lists and the DMN read. */
final class LeadVariables {

    /** the report fields that stay process variables (task names, DMN MajorProject inputs); see setDecisionInputs. */
    private static final Set<String> KEPT_IN_PROCESS = Set.of(Var.COMPANY_NAME, Var.PROJECT_NAME, Var.INDUSTRY,
            Var.TOTAL_INVESTMENT_WAN, Var.FOREIGN_CAPITAL_USD_WAN);

    private LeadVariables() {
    }

    static long leadId(VariableScope scope) {
        Object id = scope.getVariable(Var.LEAD_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("process variable leadId is missing");
        }
        return number.longValue();
    }

    /** What stays in the process: names shown in task lists and the inputs of DMN MajorProject. */
    static void setDecisionInputs(VariableScope scope, Lead lead) {
        scope.setVariable(Var.COMPANY_NAME, lead.getCompanyName());
        scope.setVariable(Var.PROJECT_NAME, lead.getProjectName());
        scope.setVariable(Var.INDUSTRY, lead.getIndustry());
        scope.setVariable(Var.TOTAL_INVESTMENT_WAN, lead.getTotalInvestmentWan().doubleValue());
        BigDecimal foreign = lead.getForeignCapitalUsdWan();
        scope.setVariable(Var.FOREIGN_CAPITAL_USD_WAN, foreign == null ? 0.0 : foreign.doubleValue());
    }

    /** The report fields that only the forms carry; they live in table lead, not in the process. */
    static void removeReportFields(VariableScope scope) {
        Var.REPORT_FIELDS.stream().filter(name -> !KEPT_IN_PROCESS.contains(name)).forEach(scope::removeVariable);
    }

    /** Fills a form with the lead as stored (the supplement form). */
    static void setReportFields(VariableScope scope, Lead lead) {
        scope.setVariables(LeadReportValidator.toVariables(lead.report()));
    }
}
