package cn.zhaoshang.agreement;

import cn.zhaoshang.system.EngineClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.ledger.ProjectStatus;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.agreement.AgreementReview.Var;

/**
 * 签约: the contract number (unique), the signing date (not in the future), the agreed investment and the agreed
 * construction start — by default within {@code zhaoshang.agreement.construction-months} (6) of signing (chenzhou §3).
 */
@Component(AgreementReview.Bean.RECORD_SIGNING)
class RecordSigningDelegate implements JavaDelegate {

    private final AgreementMapper agreements;
    private final ProjectLedger ledger;
    private final IdentityService identityService;
    private final int constructionMonths;

    RecordSigningDelegate(AgreementMapper agreements, ProjectLedger ledger, IdentityService identityService,
            @Value("${zhaoshang.agreement.construction-months:6}") int constructionMonths) {
        this.agreements = agreements;
        this.ledger = ledger;
        this.identityService = identityService;
        this.constructionMonths = constructionMonths;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Agreement agreement = agreements.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        String contractNumber = FormValues.text(execution.getVariable(Var.CONTRACT_NUMBER));
        FormValues.requireText(errors, Var.CONTRACT_NUMBER, contractNumber, 100, "合同编号");
        if (contractNumber != null && agreements.countContractNumber(contractNumber) > 0) {
            errors.add(new FieldError(Var.CONTRACT_NUMBER, "合同编号 " + contractNumber + " 已被使用 / contract number in use"));
        }
        LocalDate signedOn = FormValues.pastDate(execution.getVariable(Var.SIGNED_ON), Var.SIGNED_ON, "签约日期", errors);
        BigDecimal investment = FormValues.decimal(execution.getVariables(), Var.AGREED_INVESTMENT_WAN, errors);
        if (investment == null || investment.signum() <= 0) {
            errors.add(new FieldError(Var.AGREED_INVESTMENT_WAN, "协议投资额（万元）须大于 0 / agreedInvestmentWan must be above 0"));
        }
        LocalDate constructionDue = FormValues.date(execution.getVariable(Var.CONSTRUCTION_DUE_ON), Var.CONSTRUCTION_DUE_ON,
                errors);
        if (constructionDue == null && signedOn != null) {
            constructionDue = signedOn.plusMonths(constructionMonths);
        }
        if (constructionDue != null && signedOn != null && constructionDue.isBefore(signedOn)) {
            errors.add(new FieldError(Var.CONSTRUCTION_DUE_ON, "约定开工日期不能早于签约日期 / constructionDueOn is before signedOn"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        agreements.sign(agreement.id(), contractNumber, signedOn, investment, constructionDue, EngineClock.now());
        execution.setVariable(Var.CONSTRUCTION_DUE_ON, constructionDue.toString());
        ledger.changeStatus(agreement.projectId(), ProjectStatus.SIGNED, Actors.current(identityService, null),
                "签订投资协议 " + contractNumber + "（" + signedOn + "），协议投资 " + investment.toPlainString()
                        + " 万元，约定 " + constructionDue + " 前开工");
    }
}
