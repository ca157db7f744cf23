package cn.zhaoshang.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.security.AuditAction;
import cn.zhaoshang.security.AuditLog;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.unit.UnitKind;
import cn.zhaoshang.unit.UnitMapper;

/**
 * An outside office's posting (驻点): the region it works and the day it was posted, which starts the period its ≥ 1 亿
 * projects count over (chenzhou-2017 §18: 3年驻点期内引荐亿元以上项目6个), and the day it was recalled, if it was.
 * Set by the investment center, which runs the offices, or an administrator; every change is audited with the old
 * and new posting. One service for the REST API (PUT /api/offices/{unit}/posting) and the workbench.
 */
@Service
public class OfficePostings {

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final OfficeMapper offices;
    private final UnitMapper units;
    private final Visibility visibility;
    private final AuditLog audit;

    OfficePostings(OfficeMapper offices, UnitMapper units, Visibility visibility, AuditLog audit) {
        this.offices = offices;
        this.units = units;
        this.visibility = visibility;
        this.audit = audit;
    }

    /** What the center enters: the region, the first day of the posting, and its last day (empty while it lasts). */
    public record Posting(String region, String postedFrom, String postedUntil) {
    }

    @Transactional
    public OfficeMapper.Office set(String unitCode, Posting posting) {
        if (!visibility.scope().groups().contains(Groups.INVESTMENT_CENTER)
                && !visibility.scope().groups().contains(Groups.ADMIN)) {
            throw ApiException.forbidden("只有投资促进中心或系统管理员可以设置驻点 / Only the investment center or an "
                    + "administrator sets an office's posting");
        }
        units.findByCode(unitCode).filter(u -> UnitKind.OUTSIDE_OFFICE.name().equals(u.kind()))
                .orElseThrow(() -> ApiException.notFound("驻外招商机构 " + unitCode + " 不存在 / Outside office " + unitCode
                        + " not found"));
        List<FieldError> errors = new ArrayList<>();
        FormValues.requireText(errors, "region", posting.region(), 100, "驻点地区");
        LocalDate from = inRange(FormValues.date(posting.postedFrom(), "postedFrom", errors), "postedFrom", errors);
        if (from == null && errors.stream().noneMatch(e -> e.field().equals("postedFrom"))) {
            errors.add(new FieldError("postedFrom", "驻点开始日期不能为空 / postedFrom is required"));
        }
        LocalDate until = inRange(FormValues.date(posting.postedUntil(), "postedUntil", errors), "postedUntil", errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.add(new FieldError("postedUntil", "撤点日期不能早于驻点开始日期 / postedUntil is before postedFrom"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        OfficeMapper.Office office = new OfficeMapper.Office(unitCode, posting.region().strip(), from, until);
        OfficeMapper.Office before = offices.findOffice(unitCode).orElse(null);
        if (before == null) {
            offices.insertOffice(office);
        } else {
            offices.updateOffice(office);
        }
        audit.record(AuditAction.OFFICE_POSTING_CHANGED, "office " + unitCode, (before == null ? "设置驻点："
                : "变更驻点：" + describe(before) + " → ") + describe(office));
        return office;
    }

    private static String describe(OfficeMapper.Office office) {
        return office.region() + "，" + office.postedFrom() + " 起" + (office.postedUntil() == null ? ""
                : "，" + office.postedUntil() + " 撤点");
    }

    private static LocalDate inRange(LocalDate day, String field, List<FieldError> errors) {
        if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
            errors.add(new FieldError(field, "日期须在 2000–2100 年之间 / " + field + " must be between 2000 and 2100"));
            return null;
        }
        return day;
    }
}
