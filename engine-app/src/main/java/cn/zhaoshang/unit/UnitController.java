package cn.zhaoshang.unit;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.system.FormValues;
import cn.zhaoshang.system.Groups;

/** Units are data an administrator maintains: list them, add or change one, put a user into one. */
@RestController
@RequestMapping(path = "/api/units", produces = MediaType.APPLICATION_JSON_VALUE)
class UnitController {

    private final UnitMapper units;
    private final IdentityService identityService;

    UnitController(UnitMapper units, IdentityService identityService) {
        this.units = units;
        this.identityService = identityService;
    }

    @GetMapping
    List<Unit> all() {
        return units.findAll();
    }

    record UnitBody(String name, String kind, Boolean active) {
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    Unit save(@PathVariable String code, @RequestBody UnitBody body, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有系统管理员可以维护单位 / Only an administrator maintains units", Groups.ADMIN);
        List<FieldError> errors = new ArrayList<>();
        if (!code.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            errors.add(new FieldError("code", "单位代码只能用小写字母、数字和连字符 / code: lower-case letters, digits, hyphens"));
        }
        FormValues.requireText(errors, "name", body.name(), 100, "单位名称");
        if (FormValues.parseEnum(UnitKind.class, body.kind()) == null) {
            errors.add(new FieldError("kind", "单位类型只能是 " + List.of(UnitKind.values()) + " / unknown kind"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Unit unit = new Unit(code, body.name().strip(), body.kind(), body.active() == null || body.active());
        if (units.update(unit) == 0) {
            units.insert(unit);
        }
        return unit;
    }

    @PutMapping(path = "/{code}/members/{userId}")
    @Transactional
    ResponseEntity<Void> assign(@PathVariable String code, @PathVariable String userId, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有系统管理员可以维护单位 / Only an administrator maintains units", Groups.ADMIN);
        if (units.findByCode(code).isEmpty()) {
            throw ApiException.notFound("单位 " + code + " 不存在 / Unit " + code + " not found");
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw ApiException.notFound("用户 " + userId + " 不存在 / User " + userId + " not found");
        }
        if (units.reassignUser(userId, code) == 0) {
            units.assignUser(userId, code);
        }
        return ResponseEntity.noContent().build();
    }
}
