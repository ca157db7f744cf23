package cn.zhaoshang.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
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
import cn.zhaoshang.unit.UnitMapper;

/**
 * 被批评通报 (panan-2022 §四.(二): 对未及时完成县领导小组及办公室交办任务，影响重大产业招商项目招引或落地项目推进的…单位，
 * 被批评通报的单位实行年度综合考评“一票否优”): the investment center, which is the leading group's office, or the
 * supervision office records that a notice criticised a unit; the year's annual assessment of that unit is then
 * 一票否优 (AssessmentReports). A unit reads its own; the county-wide roles read all. One service for the REST API and
 * the workbench.
 */
@Service
public class Criticisms {

    private final CriticismMapper criticisms;
    private final UnitMapper units;
    private final Visibility visibility;

    Criticisms(CriticismMapper criticisms, UnitMapper units, Visibility visibility) {
        this.criticisms = criticisms;
        this.units = units;
        this.visibility = visibility;
    }

    /** What is recorded: the unit, the notice's day and number (文号), the task it did not complete. */
    public record Entry(String unitCode, String criticisedOn, String documentNumber, String reason) {
    }

    @Transactional
    public Criticism record(Entry entry, String actor) {
        DataScope scope = visibility.scope();
        if (!scope.groups().contains(Groups.INVESTMENT_CENTER) && !scope.groups().contains(Groups.SUPERVISION)) {
            throw ApiException.forbidden("只有投资促进中心（领导小组办公室）或督查室可以登记批评通报 / Only the investment center "
                    + "or the supervision office records a criticism");
        }
        List<FieldError> errors = new ArrayList<>();
        String unitCode = FormValues.text(entry.unitCode());
        if (unitCode == null) {
            errors.add(new FieldError("unitCode", "请选择被通报的单位 / unitCode is required"));
        } else if (unitCode.length() > 64 || units.findByCode(unitCode).filter(Unit::active).isEmpty()) {
            errors.add(new FieldError("unitCode", "单位不存在或已停用 / unknown unit"));
        }
        LocalDate day = FormValues.pastDate(entry.criticisedOn(), "criticisedOn", "通报日期", errors);
        if (day != null && day.getYear() < 2000) {
            errors.add(new FieldError("criticisedOn", "通报日期不能早于 2000 年 / criticisedOn is before 2000"));
        }
        FormValues.requireText(errors, "documentNumber", entry.documentNumber(), 100, "通报文号");
        FormValues.requireText(errors, "reason", entry.reason(), 2000, "通报事由");
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String number = entry.documentNumber().strip();
        try {
            criticisms.insert(unitCode, day, number, entry.reason().strip(), actor, EngineClock.now());
        } catch (DuplicateKeyException e) {
            throw duplicate(number);
        }
        return criticisms.find(unitCode, number).get(0);
    }

    /** The criticisms of {@code year} the caller may read. */
    public List<Criticism> ofYear(int year) {
        DataScope scope = visibility.scope();
        return criticisms.findBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .filter(c -> scope.countyWide() || c.unitCode().equals(scope.unit())).toList();
    }

    private static ApiException duplicate(String number) {
        return ApiException.conflict("CRITICISM_EXISTS", "该单位已按通报 " + number + " 登记过 / This unit is recorded "
                + "under notice " + number + " already");
    }
}
