package cn.zhaoshang.approval;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.zhaoshang.ledger.Project;

import static cn.zhaoshang.approval.LandingApproval.Var;

/** Moves an application between the project row and the process variables the forms and the DMN read. */
final class ApplicationVariables {

    private ApplicationVariables() {
    }

    /** All fields, as a Camunda Form binds them (start form, revise form, REST start). */
    static Map<String, Object> all(LandingApplication a) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.COMPANY_NAME, a.companyName());
        variables.put(Var.PROJECT_NAME, a.projectName());
        variables.put(Var.PROJECT_CATEGORY, a.projectCategory());
        variables.put(Var.TOTAL_INVESTMENT_WAN, a.totalInvestmentWan() == null ? null : a.totalInvestmentWan().doubleValue());
        variables.put(Var.LAND_REQUIRED, a.landRequired());
        variables.put(Var.LAND_AREA_MU, a.landAreaMu() == null ? null : a.landAreaMu().doubleValue());
        variables.put(Var.CASE_BY_CASE_SUPPORT, a.caseByCaseSupport());
        variables.put(Var.DEV_ZONE, a.devZone());
        variables.put(Var.CARRIER_UNIT, a.carrierUnit());
        return variables;
    }

    /** What stays in the process: the names officials see in their task lists and the DMN inputs. */
    static void setDecisionInputs(VariableScope scope, LandingApplication a) {
        scope.setVariable(Var.COMPANY_NAME, a.companyName());
        scope.setVariable(Var.PROJECT_NAME, a.projectName());
        scope.setVariable(Var.PROJECT_CATEGORY, a.projectCategory());
        scope.setVariable(Var.LAND_REQUIRED, a.landRequired());
        scope.setVariable(Var.LAND_AREA_MU, a.landAreaMu() == null ? null : a.landAreaMu().doubleValue());
        scope.setVariable(Var.CASE_BY_CASE_SUPPORT, a.caseByCaseSupport());
        scope.setVariable(Var.DEV_ZONE, a.devZone());
    }

    static Project toProject(LandingApplication a) {
        Project project = new Project();
        project.setCompanyName(a.companyName());
        project.setProjectName(a.projectName());
        project.setProjectCategory(a.projectCategory());
        project.setTotalInvestmentWan(a.totalInvestmentWan());
        project.setLandRequired(Boolean.TRUE.equals(a.landRequired()));
        project.setLandAreaMu(a.landAreaMu());
        project.setCaseByCaseSupport(Boolean.TRUE.equals(a.caseByCaseSupport()));
        project.setDevZone(Boolean.TRUE.equals(a.devZone()));
        project.setCarrierUnit(a.carrierUnit());
        return project;
    }

    static LandingApplication fromProject(Project p) {
        return new LandingApplication(p.getCompanyName(), p.getProjectName(), p.getProjectCategory(),
                p.getTotalInvestmentWan(), p.isLandRequired(), p.getLandAreaMu(), p.isCaseByCaseSupport(),
                p.isDevZone(), p.getCarrierUnit());
    }

    static long projectId(VariableScope scope) {
        Object id = scope.getVariable(Var.PROJECT_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("process variable projectId is missing");
        }
        return number.longValue();
    }
}
