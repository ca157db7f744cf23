package cn.zhaoshang.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.security.DataScope;
import cn.zhaoshang.security.Visibility;
import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitKind;
import cn.zhaoshang.unit.UnitMapper;

/**
 * The outside office's visit log (走访企业, chenzhou-2017 §18 每月拜访企业不少于15家): written by the office's own staff
 * (users of the office unit) or the investment center, read by them and the county-wide roles. One service for the
 * REST API and the workbench.
 */
@Service
public class OfficeVisits {

    private final OfficeMapper offices;
    private final UnitMapper units;
    private final Visibility visibility;

    OfficeVisits(OfficeMapper offices, UnitMapper units, Visibility visibility) {
        this.offices = offices;
        this.units = units;
        this.visibility = visibility;
    }

    public record Entry(String visitedOn, String companyName, String contactPerson, String place, String summary) {
    }

    /** The office unit, if the caller may read ({@code write} false) or log ({@code write} true) its visits. */
    public Unit office(String unitCode, boolean write) {
        Unit unit = units.findByCode(unitCode).filter(u -> UnitKind.OUTSIDE_OFFICE.name().equals(u.kind()))
                .orElseThrow(() -> ApiException.notFound("驻外招商机构 " + unitCode + " 不存在 / Outside office " + unitCode
                        + " not found"));
        DataScope scope = visibility.scope();
        boolean own = unitCode.equals(scope.unit());
        boolean center = scope.groups().contains(Groups.INVESTMENT_CENTER);
        if (write ? !(own || center) : !(own || scope.countyWide())) {
            throw ApiException.forbidden("只有该驻外招商机构的工作人员或投资促进中心可以" + (write ? "登记" : "查看")
                    + "走访记录 / Only the office's staff or the investment center");
        }
        return unit;
    }

    @Transactional
    public LocalDate log(String unitCode, Entry entry, String actor) {
        office(unitCode, true);
        List<FieldError> errors = new ArrayList<>();
        LocalDate day = FormValues.pastDate(entry.visitedOn(), "visitedOn", "走访日期", errors);
        if (day == null && errors.isEmpty()) {
            errors.add(new FieldError("visitedOn", "请填写走访日期 / visitedOn is required"));
        }
        FormValues.requireText(errors, "companyName", entry.companyName(), 200, "企业名称");
        FormValues.limitText(errors, "contactPerson", entry.contactPerson(), 100, "对接人");
        FormValues.limitText(errors, "place", entry.place(), 200, "地点");
        FormValues.requireText(errors, "summary", entry.summary(), 2000, "走访情况");
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        offices.insertVisit(unitCode, day, entry.companyName().strip(), FormValues.text(entry.contactPerson()),
                FormValues.text(entry.place()), entry.summary().strip(), actor, EngineClock.now());
        return day;
    }
}
