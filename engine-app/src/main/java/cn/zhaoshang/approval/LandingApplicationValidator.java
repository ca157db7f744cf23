package cn.zhaoshang.approval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.FormValues;

import static cn.zhaoshang.system.FormValues.decimal;
import static cn.zhaoshang.system.FormValues.flag;
import static cn.zhaoshang.system.FormValues.requireText;
import static cn.zhaoshang.system.FormValues.text;

import static cn.zhaoshang.approval.LandingApproval.Var;

/**
 * One set of rules for every way an application arrives (REST, Tasklist start form, revision), so that
 * nothing invalid is started or stored.
 */
public final class LandingApplicationValidator {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_UNIT_LENGTH = 100;
    /** 1 000 亿元: beyond any county project; larger figures are typing errors. */
    static final BigDecimal MAX_INVESTMENT_WAN = new BigDecimal("10000000");
    /** 10 000 亩 is already a whole industrial park; more is a typing error. */
    static final BigDecimal MAX_LAND_AREA_MU = new BigDecimal("10000");

    private LandingApplicationValidator() {
    }

    public static List<FieldError> validate(LandingApplication application) {
        List<FieldError> errors = new ArrayList<>();
        if (application == null) {
            errors.add(new FieldError("application", "申请内容不能为空 / The application is missing"));
            return errors;
        }
        requireText(errors, "companyName", application.companyName(), MAX_NAME_LENGTH, "企业名称");
        requireText(errors, "projectName", application.projectName(), MAX_NAME_LENGTH, "项目名称");
        requireText(errors, "carrierUnit", application.carrierUnit(), MAX_UNIT_LENGTH, "落户载体");
        if (application.projectCategory() == null) {
            errors.add(new FieldError("projectCategory", "项目类别不能为空 / projectCategory is required"));
        } else if (Arrays.stream(ProjectCategory.values()).noneMatch(c -> c.name().equals(application.projectCategory()))) {
            errors.add(new FieldError("projectCategory",
                    "项目类别只能是 INDUSTRIAL（工业）或 SERVICE（文旅、康养、服务业、农业、商业）"
                            + " / projectCategory must be INDUSTRIAL or SERVICE"));
        }
        BigDecimal investment = application.totalInvestmentWan();
        if (investment == null) {
            errors.add(new FieldError("totalInvestmentWan", "总投资不能为空 / totalInvestmentWan is required"));
        } else if (investment.signum() < 0 || investment.compareTo(MAX_INVESTMENT_WAN) > 0) {
            errors.add(new FieldError("totalInvestmentWan",
                    "总投资（万元）须在 0 至 10000000 之间 / totalInvestmentWan must be between 0 and 10000000"));
        }
        FormValues.limitScale(errors, "totalInvestmentWan", investment, 2, "总投资（万元）");
        checkLand(errors, application.landRequired(), application.landAreaMu());
        return errors;
    }

    /** Land needed or not, and then an area in 亩: the same rule for a lead and for a landing application. */
    public static void checkLand(List<FieldError> errors, Boolean landRequired, BigDecimal landAreaMu) {
        if (landRequired == null) {
            errors.add(new FieldError("landRequired", "请说明是否需要供地 / landRequired is required"));
        } else if (landRequired) {
            BigDecimal area = landAreaMu;
            if (area == null) {
                errors.add(new FieldError("landAreaMu", "需要供地时必须填写用地面积 / landAreaMu is required when land is required"));
            } else if (area.signum() <= 0 || area.compareTo(MAX_LAND_AREA_MU) > 0) {
                errors.add(new FieldError("landAreaMu",
                        "用地面积（亩）须大于 0 且不超过 10000 / landAreaMu must be greater than 0 and at most 10000"));
            } else if (area.scale() > 4) {
                errors.add(new FieldError("landAreaMu", "用地面积最多保留 4 位小数 / landAreaMu has at most 4 decimals"));
            }
        } else if (landAreaMu != null && landAreaMu.signum() != 0) {
            errors.add(new FieldError("landAreaMu",
                    "不需要供地时不应填写用地面积 / landAreaMu must be empty when no land is required"));
        }
    }

    /**
     * Reads an application from process variables set by a Camunda Form (numbers arrive as Long or Double,
     * booleans may be missing when a checkbox was never touched).
     */
    public static LandingApplication fromVariables(Map<String, Object> variables, List<FieldError> errors) {
        return new LandingApplication(
                text(variables.get(Var.COMPANY_NAME)),
                text(variables.get(Var.PROJECT_NAME)),
                text(variables.get(Var.PROJECT_CATEGORY)),
                decimal(variables, Var.TOTAL_INVESTMENT_WAN, errors),
                flag(variables.get(Var.LAND_REQUIRED), false),
                decimal(variables, Var.LAND_AREA_MU, errors),
                flag(variables.get(Var.CASE_BY_CASE_SUPPORT), false),
                flag(variables.get(Var.DEV_ZONE), false),
                text(variables.get(Var.CARRIER_UNIT)));
    }

    /** Normalises the optional flags and an unused area so the stored application reads unambiguously. */
    public static LandingApplication normalise(LandingApplication a) {
        boolean land = Boolean.TRUE.equals(a.landRequired());
        return new LandingApplication(a.companyName().strip(), a.projectName().strip(), a.projectCategory(),
                a.totalInvestmentWan(), land, land ? a.landAreaMu() : null,
                Boolean.TRUE.equals(a.caseByCaseSupport()), Boolean.TRUE.equals(a.devZone()), a.carrierUnit().strip());
    }
}
