package cn.zhaoshang.lead;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
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

/**
 * Which departments are asked in writing about every lead (qiaocheng §四) is data: an administrator adds one (any
 * Camunda group), renames, reorders or deactivates it; the next consultation round uses the new list.
 */
@RestController
@RequestMapping(path = "/api/consultation-departments", produces = MediaType.APPLICATION_JSON_VALUE)
class ConsultationDepartmentController {

    private final ConsultationMapper consultations;
    private final IdentityService identityService;

    ConsultationDepartmentController(ConsultationMapper consultations, IdentityService identityService) {
        this.consultations = consultations;
        this.identityService = identityService;
    }

    @GetMapping
    List<ConsultationDepartment> all() {
        return consultations.findAllDepartments();
    }

    record DepartmentBody(String name, Integer sortOrder, Boolean active) {
    }

    @PutMapping(path = "/{groupId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ConsultationDepartment save(@PathVariable String groupId, @RequestBody DepartmentBody body, Authentication caller) {
        Callers.requireAnyGroup(caller, "只有系统管理员可以配置征询部门 / Only an administrator configures consultation",
                Groups.ADMIN);
        List<FieldError> errors = new ArrayList<>();
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            errors.add(new FieldError("groupId", "用户组 " + groupId + " 不存在 / Unknown group " + groupId));
        }
        FormValues.requireText(errors, "name", body.name(), 100, "部门名称");
        if (body.sortOrder() == null) {
            errors.add(new FieldError("sortOrder", "请填写排序号 / sortOrder is required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        ConsultationDepartment department = new ConsultationDepartment(groupId, body.name().strip(), body.sortOrder(),
                body.active() == null || body.active());
        if (consultations.updateDepartment(department) == 0) {
            consultations.insertDepartment(department);
        }
        return department;
    }
}
