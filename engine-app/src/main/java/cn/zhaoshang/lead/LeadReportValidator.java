package cn.zhaoshang.lead;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.zhaoshang.approval.LandingApplicationValidator;
import cn.zhaoshang.approval.ProjectCategory;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;

import static cn.zhaoshang.lead.LeadScreening.Var;
import static cn.zhaoshang.system.FormValues.decimal;
import static cn.zhaoshang.system.FormValues.flag;
import static cn.zhaoshang.system.FormValues.limitText;
import static cn.zhaoshang.system.FormValues.requireText;
import static cn.zhaoshang.system.FormValues.text;

/**
 * One set of rules for every way a lead arrives (REST, Tasklist start form, supplement form): nothing invalid is
 * started or stored. Whether the reporting unit exists is checked where the units are ({@link LeadService}).
 */
public final class LeadReportValidator {

    static final int MAX_NAME_LENGTH = 200;
    /** 1 000 亿元 / 100 亿美元: beyond any county project; larger figures are typing errors. */
    static final BigDecimal MAX_INVESTMENT_WAN = new BigDecimal("10000000");
    static final BigDecimal MAX_FOREIGN_CAPITAL_USD_WAN = new BigDecimal("1000000");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,30}");

    private LeadReportValidator() {
    }

    public static List<FieldError> validate(LeadReport report) {
        List<FieldError> errors = new ArrayList<>();
        if (report == null) {
            errors.add(new FieldError("lead", "线索内容不能为空 / The lead is missing"));
            return errors;
        }
        requireText(errors, Var.COMPANY_NAME, report.companyName(), MAX_NAME_LENGTH, "企业名称");
        requireText(errors, Var.PROJECT_NAME, report.projectName(), MAX_NAME_LENGTH, "项目名称");
        if (report.industry() == null || report.industry().isBlank()) {
            errors.add(new FieldError(Var.INDUSTRY, "所属产业不能为空 / industry is required"));
        } else if (FormValues.parseEnum(Industry.class, report.industry()) == null) {
            errors.add(new FieldError(Var.INDUSTRY, "所属产业不在产业目录中 / industry must be one of "
                    + List.of(Industry.values())));
        }
        if (report.projectCategory() == null || report.projectCategory().isBlank()) {
            errors.add(new FieldError(Var.PROJECT_CATEGORY, "项目类别不能为空 / projectCategory is required"));
        } else if (FormValues.parseEnum(ProjectCategory.class, report.projectCategory()) == null) {
            errors.add(new FieldError(Var.PROJECT_CATEGORY,
                    "项目类别只能是 INDUSTRIAL（工业）或 SERVICE（文旅、康养、服务业、农业、商业）"
                            + " / projectCategory must be INDUSTRIAL or SERVICE"));
        }
        BigDecimal investment = report.totalInvestmentWan();
        if (investment == null) {
            errors.add(new FieldError(Var.TOTAL_INVESTMENT_WAN, "总投资不能为空 / totalInvestmentWan is required"));
        } else if (investment.signum() <= 0 || investment.compareTo(MAX_INVESTMENT_WAN) > 0) {
            errors.add(new FieldError(Var.TOTAL_INVESTMENT_WAN,
                    "总投资（万元）须大于 0 且不超过 10000000 / totalInvestmentWan must be above 0 and at most 10000000"));
        }
        BigDecimal foreign = report.foreignCapitalUsdWan();
        if (foreign != null && (foreign.signum() < 0 || foreign.compareTo(MAX_FOREIGN_CAPITAL_USD_WAN) > 0)) {
            errors.add(new FieldError(Var.FOREIGN_CAPITAL_USD_WAN,
                    "外资（万美元）须在 0 至 1000000 之间 / foreignCapitalUsdWan must be between 0 and 1000000"));
        }
        FormValues.limitScale(errors, Var.TOTAL_INVESTMENT_WAN, investment, 2, "总投资（万元）");
        FormValues.limitScale(errors, Var.FOREIGN_CAPITAL_USD_WAN, foreign, 2, "外资（万美元）");
        boolean foreignInvested = foreign != null && foreign.signum() > 0;
        if (foreignInvested && (report.sourceCountry() == null || report.sourceCountry().isBlank())) {
            errors.add(new FieldError(Var.SOURCE_COUNTRY,
                    "有外资时须填写外资来源国（地区）/ sourceCountry is required with foreign capital"));
        }
        limitText(errors, Var.SOURCE_COUNTRY, report.sourceCountry(), 100, "外资来源国（地区）");
        LandingApplicationValidator.checkLand(errors, report.landRequired(), report.landAreaMu());
        requireText(errors, Var.REPORTING_UNIT, report.reportingUnit(), 64, "报送单位");
        limitText(errors, Var.REFERRER, report.referrer(), 100, "引荐人");
        limitText(errors, Var.REFERRER_ENTERPRISE, report.referrerEnterprise(), MAX_NAME_LENGTH, "以商招商企业");
        requireText(errors, Var.CONTACT_NAME, report.contactName(), 100, "联系人");
        requireText(errors, Var.CONTACT_PHONE, report.contactPhone(), 40, "联系电话");
        if (report.contactPhone() != null && !report.contactPhone().isBlank()
                && !PHONE.matcher(report.contactPhone().strip()).matches()) {
            errors.add(new FieldError(Var.CONTACT_PHONE, "联系电话格式不正确 / contactPhone is not a phone number"));
        }
        return errors;
    }

    /** Reads a report from process variables set by a Camunda Form. */
    public static LeadReport fromVariables(Map<String, Object> variables, List<FieldError> errors) {
        return new LeadReport(
                text(variables.get(Var.COMPANY_NAME)),
                text(variables.get(Var.PROJECT_NAME)),
                text(variables.get(Var.INDUSTRY)),
                text(variables.get(Var.PROJECT_CATEGORY)),
                decimal(variables, Var.TOTAL_INVESTMENT_WAN, errors),
                decimal(variables, Var.FOREIGN_CAPITAL_USD_WAN, errors),
                text(variables.get(Var.SOURCE_COUNTRY)),
                flag(variables.get(Var.LAND_REQUIRED), false),
                decimal(variables, Var.LAND_AREA_MU, errors),
                text(variables.get(Var.REPORTING_UNIT)),
                text(variables.get(Var.REFERRER)),
                text(variables.get(Var.REFERRER_ENTERPRISE)),
                text(variables.get(Var.CONTACT_NAME)),
                text(variables.get(Var.CONTACT_PHONE)));
    }

    /** Stripped texts, empty optional fields as null, no area without land, no source country without capital. */
    public static LeadReport normalise(LeadReport r) {
        boolean land = Boolean.TRUE.equals(r.landRequired());
        boolean foreign = r.foreignCapitalUsdWan() != null && r.foreignCapitalUsdWan().signum() > 0;
        return new LeadReport(text(r.companyName()), text(r.projectName()), r.industry(), r.projectCategory(),
                r.totalInvestmentWan(), foreign ? r.foreignCapitalUsdWan() : null, foreign ? text(r.sourceCountry()) : null,
                land, land ? r.landAreaMu() : null, text(r.reportingUnit()), text(r.referrer()),
                text(r.referrerEnterprise()), text(r.contactName()), text(r.contactPhone()));
    }

    /** The variables a Camunda Form would bind for this report (start form, supplement form). */
    public static Map<String, Object> toVariables(LeadReport r) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.COMPANY_NAME, r.companyName());
        variables.put(Var.PROJECT_NAME, r.projectName());
        variables.put(Var.INDUSTRY, r.industry());
        variables.put(Var.PROJECT_CATEGORY, r.projectCategory());
        variables.put(Var.TOTAL_INVESTMENT_WAN, r.totalInvestmentWan() == null ? null : r.totalInvestmentWan().doubleValue());
        variables.put(Var.FOREIGN_CAPITAL_USD_WAN,
                r.foreignCapitalUsdWan() == null ? null : r.foreignCapitalUsdWan().doubleValue());
        variables.put(Var.SOURCE_COUNTRY, r.sourceCountry());
        variables.put(Var.LAND_REQUIRED, r.landRequired());
        variables.put(Var.LAND_AREA_MU, r.landAreaMu() == null ? null : r.landAreaMu().doubleValue());
        variables.put(Var.REPORTING_UNIT, r.reportingUnit());
        variables.put(Var.REFERRER, r.referrer());
        variables.put(Var.REFERRER_ENTERPRISE, r.referrerEnterprise());
        variables.put(Var.CONTACT_NAME, r.contactName());
        variables.put(Var.CONTACT_PHONE, r.contactPhone());
        return variables;
    }
}
