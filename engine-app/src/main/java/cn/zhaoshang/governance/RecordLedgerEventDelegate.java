package cn.zhaoshang.governance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.LedgerEvent;
import cn.zhaoshang.ledger.LedgerEventMapper;
import cn.zhaoshang.system.EngineClock;

/**
 * 记录台账事件 — the generic service task of the element template {@code zhaoshang.recordLedgerEvent}
 * (process-models/element-templates/): an administrator adds a ledger entry to a step from a form in Camunda Modeler.
 * Input parameters the template sets: {@code eventType} (required, e.g. {@code NOTE}), {@code note} (text, may be an
 * expression), optionally {@code toStatus}. The entry belongs to the instance's {@code projectId}, {@code leadId} or
 * {@code appealId} (whichever are set); written in the engine's transaction, append-only like every ledger event.
 */
@Component(RecordLedgerEventDelegate.BEAN)
class RecordLedgerEventDelegate implements JavaDelegate {

    static final String BEAN = "recordLedgerEventDelegate";

    private final LedgerEventMapper ledger;

    RecordLedgerEventDelegate(LedgerEventMapper ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String eventType = text(execution, "eventType");
        if (eventType == null) {
            throw new IllegalStateException("记录台账事件需要输入参数 eventType / Input parameter eventType is required ("
                    + execution.getCurrentActivityId() + ")");
        }
        Long projectId = id(execution, "projectId");
        Long leadId = id(execution, "leadId");
        Long appealId = id(execution, "appealId");
        if (projectId == null && leadId == null && appealId == null) {
            throw new IllegalStateException("台账事件必须属于项目、线索或诉求（流程变量 projectId/leadId/appealId）/ A ledger "
                    + "event belongs to a project, lead or appeal (" + execution.getCurrentActivityId() + ")");
        }
        String actor = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? "system" : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        ledger.insert(new LedgerEvent(null, projectId, leadId, appealId, eventType, null, text(execution, "toStatus"),
                actor, text(execution, "note"), EngineClock.now()));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static Long id(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        return value == null || !value.toString().matches("\\d{1,18}") ? null : Long.valueOf(value.toString());
    }
}
