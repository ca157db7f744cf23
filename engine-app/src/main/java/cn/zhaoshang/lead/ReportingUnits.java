package cn.zhaoshang.lead;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.Groups;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

import static cn.zhaoshang.lead.LeadScreening.Var;

/**
 * The reporting unit is the attribution of a lead (and of every project made from it), so a reporter reports for
 * their own unit only; the investment center may record a lead on behalf of any unit.
 */
@Component
class ReportingUnits {

    private final UnitMapper units;
    private final IdentityService identityService;

    ReportingUnits(UnitMapper units, IdentityService identityService) {
        this.units = units;
        this.identityService = identityService;
    }

    List<FieldError> check(String reporter, String unitCode) {
        Optional<Unit> unit = units.findByCode(unitCode);
        if (unit.isEmpty() || !unit.get().active()) {
            return List.of(new FieldError(Var.REPORTING_UNIT,
                    "报送单位 " + unitCode + " 不存在或已停用 / Unknown or inactive reporting unit " + unitCode));
        }
        boolean center = identityService.createGroupQuery().groupMember(reporter)
                .groupIdIn(Groups.INVESTMENT_CENTER, Groups.ADMIN).count() > 0;
        Optional<Unit> own = units.findUnitOfUser(reporter);
        if (!center && own.isPresent() && !own.get().code().equals(unitCode)) {
            return List.of(new FieldError(Var.REPORTING_UNIT, "只能以本单位（" + own.get().name() + "）名义报送 / "
                    + "You may report only for your own unit " + own.get().code()));
        }
        if (!center && own.isEmpty()) {
            return List.of(new FieldError(Var.REPORTING_UNIT,
                    "您的账号未关联报送单位，请联系管理员 / Your account belongs to no unit; ask an administrator"));
        }
        return List.of();
    }
}
