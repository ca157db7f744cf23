package cn.zhaoshang.appeal;

import cn.zhaoshang.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhaoshang.notification.Notifier;
import cn.zhaoshang.system.FormValues;

import static cn.zhaoshang.appeal.EnterpriseAppeal.Var;

/** 反馈: the enterprise gets the answer (or why it was not accepted); the appeal is closed. */
@Component(EnterpriseAppeal.Bean.ANSWER_APPEAL)
class AnswerAppealDelegate implements JavaDelegate {

    private final AppealMapper appeals;
    private final Notifier notifier;

    AnswerAppealDelegate(AppealMapper appeals, Notifier notifier) {
        this.appeals = appeals;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long appealId = ((Number) execution.getVariable(Var.APPEAL_ID)).longValue();
        boolean rejected = "REJECT".equals(execution.getVariable(Var.DECISION));
        String answer = rejected ? "不予受理：" + FormValues.text(execution.getVariable(Var.OPINION))
                : FormValues.text(execution.getVariable(Var.ANSWER));
        appeals.answer(appealId, rejected ? "REJECTED" : "ANSWERED", answer, EngineClock.now());
        Appeal appeal = appeals.findById(appealId).orElseThrow();
        notifier.notifyUser(appeal.submittedBy(), "诉求答复：" + appeal.subject(), answer);
    }
}
