package cn.zhaoshang.approval;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;

import static cn.zhaoshang.approval.LandingApproval.Var;

/** What one step's form writes; cleared when the next step opens so no form shows the previous decision. */
final class StepInputs {

    static final List<String> NAMES = List.of(Var.DECISION, Var.OPINION, Var.MEETING_DATE, Var.MINUTES_NUMBER);

    private StepInputs() {
    }

    static void clear(DelegateTask task) {
        NAMES.forEach(name -> task.getExecution().removeVariable(name));
    }
}
