package cn.zhaoshang.unit;

import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile: the units of a county (towns, parks, the dev zone, an outside office, the center) and which unit
 * each demo user belongs to. In production an administrator maintains units through {@code /api/units}.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "zhaoshang.demo.users", havingValue = "true")
class DemoUnits implements ApplicationRunner {

    static final List<Unit> UNITS = List.of(
            new Unit("group-chengdong", "城东招商组", UnitKind.INVESTMENT_GROUP.name(), true),
            new Unit("office-shanghai", "驻上海招商分局", UnitKind.OUTSIDE_OFFICE.name(), true),
            new Unit("town-jianshan", "尖山镇", UnitKind.TOWN.name(), true),
            new Unit("street-anwen", "安文街道", UnitKind.TOWN.name(), true),
            new Unit("park-chengdong", "城东工业园区", UnitKind.PARK.name(), true),
            new Unit("devzone-jinpan", "金磐开发区", UnitKind.DEV_ZONE.name(), true),
            new Unit("center", "县投资促进中心", UnitKind.CENTER.name(), true));

    static final Map<String, String> USER_UNITS = Map.of(
            "reporter", "group-chengdong",
            "center", "center",
            "carrier", "park-chengdong",
            "devzone", "devzone-jinpan",
            "townhead", "town-jianshan",
            "officer", "office-shanghai");

    private final UnitMapper units;

    DemoUnits(UnitMapper units) {
        this.units = units;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Unit unit : UNITS) {
            if (units.findByCode(unit.code()).isEmpty()) {
                units.insert(unit);
            }
        }
        USER_UNITS.forEach((user, unit) -> {
            if (units.findUnitOfUser(user).isEmpty()) {
                units.assignUser(user, unit);
            }
        });
    }
}
