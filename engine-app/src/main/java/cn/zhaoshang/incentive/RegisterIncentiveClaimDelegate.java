package cn.zhaoshang.incentive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.zhaoshang.ledger.ProjectLedger;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.Actors;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.InvalidInputException;

import static cn.zhaoshang.incentive.IncentiveClaim.Var;

/**
 * 登记申报: checks the claim, works out its basis ({@link BasisKeys}) and registers it holding that basis — the unique
 * {@code active_basis_key} makes a second claim on the same basis fail in the database even when both arrive in the
 * same instant ({@link BasisAlreadyClaimedException}, answered with 409). The basis is reserved here, at
 * registration, not at approval: two officials never verify the same award in parallel, and a rejected or ineligible
 * claim releases it so the basis can be claimed again. Business key = claim id. The ledger's facts about the project
 * become variables for the verification form; the claim itself goes into the project's ledger.
 */
@Component(IncentiveClaim.Bean.REGISTER_CLAIM)
class RegisterIncentiveClaimDelegate implements JavaDelegate {

    private final IncentiveClaimMapper claims;
    private final ProjectLedger ledger;
    private final Visibility visibility;
    private final IdentityService identityService;
    private final BigDecimal minExchangeRate;
    private final BigDecimal maxExchangeRate;

    RegisterIncentiveClaimDelegate(IncentiveClaimMapper claims, ProjectLedger ledger, Visibility visibility,
            IdentityService identityService,
            @Value("${zhaoshang.incentive.exchange-rate.min:1}") BigDecimal minExchangeRate,
            @Value("${zhaoshang.incentive.exchange-rate.max:20}") BigDecimal maxExchangeRate) {
        this.claims = claims;
        this.ledger = ledger;
        this.visibility = visibility;
        this.identityService = identityService;
        this.minExchangeRate = minExchangeRate;
        this.maxExchangeRate = maxExchangeRate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>(execution.getVariables());
        AwardType type = FormValues.parseEnum(AwardType.class, FormValues.text(variables.get(Var.AWARD_TYPE)));
        if (type == null) {
            errors.add(new FieldError(Var.AWARD_TYPE, "请选择奖励类型 / awardType must be one of FDI_NEW, FDI_INCREASE, "
                    + "NEW_SOURCE_COUNTRY, REFERRAL, CHAMBER, ADVISOR"));
            throw new InvalidInputException(errors);
        }
        String claimant = FormValues.text(variables.get(Var.CLAIMANT_NAME));
        FormValues.requireText(errors, Var.CLAIMANT_NAME, claimant, 200, "受奖单位或个人");
        String note = FormValues.text(variables.get(Var.CLAIM_NOTE));
        FormValues.limitText(errors, Var.CLAIM_NOTE, note, 2000, "申报说明");

        LedgerFacts facts = null;
        Long projectId = wholeNumber(variables.get(Var.PROJECT_ID), Var.PROJECT_ID, errors);
        Integer year = null;
        if (type.aboutProject()) {
            if (projectId == null) {
                errors.add(new FieldError(Var.PROJECT_ID, "请填写奖励所依据的项目编号 / projectId is required"));
            } else if (!visibility.canSeeProject(projectId)) {
                // a project the caller may not read is answered as one that does not exist
                errors.add(new FieldError(Var.PROJECT_ID, "项目 " + projectId + " 不存在 / project " + projectId
                        + " not found"));
            } else {
                facts = claims.ledgerFacts(projectId).orElse(null);
            }
        } else {
            projectId = null;
            Long given = wholeNumber(variables.get(Var.AWARD_YEAR), Var.AWARD_YEAR, errors);
            int thisYear = EngineClock.today().getYear();
            if (given == null || given < 2000 || given > thisYear) {
                errors.add(new FieldError(Var.AWARD_YEAR, "请填写考核年度（2000–" + thisYear + "）/ awardYear must be a year "
                        + "from 2000 to " + thisYear));
            } else {
                year = given.intValue();
            }
        }
        BigDecimal paidIn = null;
        BigDecimal exchangeRate = null;
        if (type.foreignCapital()) {
            paidIn = FormValues.decimal(variables, Var.CLAIMED_PAID_IN_USD_WAN, errors);
            if (paidIn == null || paidIn.signum() <= 0 || paidIn.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
                errors.add(new FieldError(Var.CLAIMED_PAID_IN_USD_WAN, "请填写实际到位外资（大于 0 的万美元数）/ "
                        + "claimedPaidInUsdWan must be a positive amount in 万美元"));
            }
            FormValues.limitScale(errors, Var.CLAIMED_PAID_IN_USD_WAN, paidIn, 2, "实际到位外资");
            exchangeRate = FormValues.decimal(variables, Var.EXCHANGE_RATE, errors);
            if (exchangeRate == null || exchangeRate.compareTo(minExchangeRate) < 0
                    || exchangeRate.compareTo(maxExchangeRate) > 0) {
                errors.add(new FieldError(Var.EXCHANGE_RATE, "请填写美元汇率（" + minExchangeRate.toPlainString() + "–"
                        + maxExchangeRate.toPlainString() + " 元/美元）/ exchangeRate must be between "
                        + minExchangeRate.toPlainString() + " and " + maxExchangeRate.toPlainString()));
            }
            FormValues.limitScale(errors, Var.EXCHANGE_RATE, exchangeRate, 4, "美元汇率");
        }
        // what does not apply to the award type is refused, not ignored: a figure sent is a figure someone meant
        if (!type.aboutProject() && variables.get(Var.PROJECT_ID) != null) {
            errors.add(new FieldError(Var.PROJECT_ID, "商（协）会奖励不关联项目，请不填项目编号 / projectId does not apply to "
                    + type));
        }
        if (type.aboutProject() && variables.get(Var.AWARD_YEAR) != null) {
            errors.add(new FieldError(Var.AWARD_YEAR, "只有商（协）会奖励填写考核年度 / awardYear applies to CHAMBER only"));
        }
        if (!type.foreignCapital()) {
            for (String field : new String[] {Var.CLAIMED_PAID_IN_USD_WAN, Var.EXCHANGE_RATE}) {
                if (FormValues.text(variables.get(field)) != null) {
                    errors.add(new FieldError(field, "只有外资类奖励填写到位外资和汇率 / " + field
                            + " applies to FDI_NEW and FDI_INCREASE only"));
                }
            }
        }
        String country = null;
        if (type == AwardType.NEW_SOURCE_COUNTRY && facts != null) {
            country = FormValues.text(facts.sourceCountry());
            if (country == null) {
                errors.add(new FieldError(Var.PROJECT_ID, "台账中该项目没有外资来源地，不能申报新来源地奖励 / the ledger records no "
                        + "source country for this project"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        String basis = BasisKeys.of(type, projectId, country, claimant, year);
        claims.findHolder(basis).ifPresent(holder -> {
            throw new BasisAlreadyClaimedException(basis, null);
        });
        NewClaim claim = new NewClaim();
        claim.setAwardType(type);
        claim.setProjectId(projectId);
        claim.setClaimantName(claimant);
        claim.setAwardYear(year);
        claim.setSourceCountry(country);
        claim.setClaimedPaidInUsdWan(paidIn);
        claim.setExchangeRate(exchangeRate);
        claim.setClaimNote(note);
        claim.setBasisKey(basis);
        String actor = Actors.current(identityService, Actors.SYSTEM);
        claim.setSubmittedBy(actor);
        claim.setProcessInstanceId(execution.getProcessInstanceId());
        claim.setCreatedAt(EngineClock.now());
        try {
            claims.insert(claim);
        } catch (DuplicateKeyException e) {
            // the other claim registered between our check and our insert: the database decides
            throw new BasisAlreadyClaimedException(basis, e);
        }
        execution.setProcessBusinessKey(String.valueOf(claim.getId()));
        execution.setVariable(Var.CLAIM_ID, claim.getId());
        execution.setVariable(Var.AWARD_TYPE, type.name());
        execution.setVariable(Var.PROJECT_ID, projectId);
        execution.setVariable(Var.AWARD_YEAR, year);
        if (facts != null) {
            setLedgerVariables(execution, facts);
            ledger.note(projectId, ClaimEvents.CLAIMED, actor, type.label() + "申报 #" + claim.getId() + "："
                    + claimant + (paidIn == null ? "" : "，申报到位外资 " + paidIn.toPlainString() + " 万美元，汇率 "
                            + exchangeRate.toPlainString()));
        }
    }

    static void setLedgerVariables(DelegateExecution execution, LedgerFacts facts) {
        execution.setVariable(Var.COMPANY_NAME, facts.companyName());
        execution.setVariable(Var.PROJECT_NAME, facts.projectName());
        execution.setVariable(Var.LEDGER_FOREIGN_CAPITAL_USD_WAN, number(facts.foreignCapitalUsdWan()));
        execution.setVariable(Var.LEDGER_SOURCE_COUNTRY, facts.sourceCountry());
        execution.setVariable(Var.LEDGER_REFERRER_ENTERPRISE, facts.referrerEnterprise());
        execution.setVariable(Var.LEDGER_INVESTMENT_WAN, number(facts.investmentWan()));
        execution.setVariable(Var.LEDGER_PRODUCTION_ON,
                facts.productionOn() == null ? "未投产" : facts.productionOn().toString());
        execution.setVariable(Var.LEDGER_AGREEMENT_STATUS, facts.agreementStatus() == null ? "未签约"
                : facts.signed() ? "已签约" : facts.agreementStatus());
    }

    /** Numbers are stored as Double variables (what a Camunda Form sends), never as serialized BigDecimal objects. */
    static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static Long wholeNumber(Object value, String field, List<FieldError> errors) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(new FieldError(field, "应为整数 / must be a whole number"));
            return null;
        }
    }
}
