package cn.zhaoshang.agreement;

import cn.zhaoshang.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.agreement.AgreementReview.Var;

/**
 * On 提交协议草案 and 修改协议草案 ({@code complete}): a review needs a draft it has not seen, so a (re)submission without
 * a newly uploaded draft is refused; the first submission also fixes who signs for our side.
 */
@Component(AgreementReview.Bean.RECORD_DRAFT)
class RecordAgreementDraftListener implements TaskListener {

    private final AgreementMapper agreements;

    RecordAgreementDraftListener(AgreementMapper agreements) {
        this.agreements = agreements;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        Agreement agreement = agreements.findByProcessInstanceId(task.getProcessInstanceId()).orElseThrow();
        boolean submit = AgreementReview.Step.SUBMIT_DRAFT.equals(task.getTaskDefinitionKey());
        if (!submit && "WITHDRAW".equals(FormValues.text(task.getVariable(Var.DECISION)))) {
            return;
        }
        if (!submit && !"RESUBMIT".equals(FormValues.text(task.getVariable(Var.DECISION)))) {
            throw new InvalidInputException(Var.DECISION, "请选择提交修改稿（RESUBMIT）或放弃签约（WITHDRAW）/ decision must be "
                    + "RESUBMIT or WITHDRAW");
        }
        if (submit) {
            SigningParty party = FormValues.parseEnum(SigningParty.class, FormValues.text(task.getVariable(Var.SIGNING_PARTY)));
            if (party == null) {
                throw new InvalidInputException(Var.SIGNING_PARTY, "请选择以县政府名义（GOVERNMENT）或以开发区管委会名义"
                        + "（DEV_ZONE）签订 / signingParty must be GOVERNMENT or DEV_ZONE");
            }
            agreements.updateSigningParty(agreement.id(), party.name(), EngineClock.now());
        }
        int latest = agreements.latestDraftVersion(agreement.id());
        if (latest == 0 || latest <= agreements.lastReviewedVersion(agreement.id())) {
            throw new InvalidInputException("file", "请先上传新的协议草案（Word 或 PDF）/ Upload a new draft first");
        }
        task.getExecution().setVariable(Var.DRAFT_VERSION, latest);
    }
}
