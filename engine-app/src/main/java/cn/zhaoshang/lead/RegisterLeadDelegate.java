package cn.zhaoshang.lead;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.lead.LeadScreening.Var;

/**
 * 登记线索: stores a reported lead (REST and Tasklist start form alike) as version 1, links it to the process
 * (business key = lead id) and keeps only ids, names and the MajorProject inputs as variables.
 */
@Component(LeadScreening.Bean.REGISTER_LEAD)
class RegisterLeadDelegate implements JavaDelegate {

    private final LeadLedger ledger;
    private final ReportingUnits reportingUnits;

    RegisterLeadDelegate(LeadLedger ledger, ReportingUnits reportingUnits) {
        this.ledger = ledger;
        this.reportingUnits = reportingUnits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reporter = (String) execution.getVariable(Var.REPORTER);
        if (reporter == null) {
            throw new InvalidInputException(Var.REPORTER, "线索必须由登录用户报送 / A lead must be reported by a logged-in user");
        }
        List<FieldError> errors = new ArrayList<>();
        LeadReport report = LeadReportValidator.fromVariables(execution.getVariables(), errors);
        errors.addAll(LeadReportValidator.validate(report));
        if (errors.isEmpty()) {
            report = LeadReportValidator.normalise(report);
            errors.addAll(reportingUnits.check(reporter, report.reportingUnit()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        Lead lead = ledger.report(report, reporter, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(String.valueOf(lead.getId()));
        execution.setVariable(Var.LEAD_ID, lead.getId());
        LeadVariables.setDecisionInputs(execution, lead);
        LeadVariables.removeReportFields(execution);
    }
}
