package cn.zhaoshang.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.zhaoshang.system.ApiException;
import cn.zhaoshang.system.Callers;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitMapper;

/**
 * Data-level access: which leads, projects, enterprise appeals and research meetings the caller may read, enforced on
 * the domain REST API and the workbench alike. The rule is written once, as the SQL fragments of VisibilityMapper.xml
 * that every list, count, funnel and export includes with the caller's {@link DataScope}; single items are checked
 * here ({@code require…}). Something outside the caller's scope is answered exactly like something that does not exist
 * (404 with the same message, JSON on /api, the Chinese error page on the workbench), so its existence is not revealed.
 * <p>
 * Who reads what (shared/DESIGN.md "Who uses it"; issue 6: "a reporter sees only its unit's leads; a department sees
 * what it is consulted on; leaders and the investment center see all"):
 * <ul>
 * <li><b>Everything</b>: the groups in {@code zhaoshang.data-scope.county-wide-groups} — the investment center (which
 * keeps the ledger and runs the funnel), the research panel (decides every lead at the research meetings), the
 * county's leaders and deliberating bodies (deputy head, county head, county-head office meeting, standing committee,
 * leading group), the supervision office (督办 of anything overdue) and the administrators.</li>
 * <li><b>A unit</b> (报送单位: towns, parks, the dev zone, outside offices, investment groups; user_unit): the leads it
 * reported or that a research meeting transferred to it (转办), and the projects it reported, is responsible for or
 * hosts as carrier (落户载体) — a project traces to its lead and the lead's unit (xuancheng-2019 §三.1 线索追溯).</li>
 * <li><b>A department</b> (dept-* and the carrier group, qiaocheng §四 书面征询): the leads it is consulted on and the
 * projects made from them (its admission opinion is about that project); enterprise appeals assigned to it
 * (tongcheng §22) and the projects they are about. The consultation goes to the carrier <i>group</i>, so every carrier
 * reads every consulted lead; it narrows by itself once a lead's consultation names its host unit.</li>
 * <li><b>Anyone, for their tasks</b>: the lead, project, appeal or meeting of a task offered to them or one of their
 * groups, assigned to them (now or before a 转办) or copied to them (抄送) — open or completed. This is what the
 * justice bureau, dev-zone legal, the task force and the dev zone committee act on, and it makes the ledger beside a
 * task (web/TaskHistory) the ledger of something the official may read anyway.</li>
 * </ul>
 * Lead and project read each other: a lead is readable with any of its projects, a project with its lead. A meeting is
 * readable with a lead on its agenda, and its agenda shows the readable leads only; its minutes, which name every lead
 * decided, only to one who reads all of them.
 */
@Component
public class Visibility {

    private final VisibilityMapper mapper;
    private final UnitMapper units;
    private final Set<String> countyWideGroups;
    private final IdentityService identityService;

    Visibility(VisibilityMapper mapper, UnitMapper units, DataScopeProperties properties,
            IdentityService identityService) {
        this.mapper = mapper;
        this.units = units;
        this.identityService = identityService;
        this.countyWideGroups = Set.copyOf(properties.countyWideGroups());
    }

    /**
     * The scope of the caller: the request's login (Spring Security: the API's Basic login or the workbench session),
     * else whoever the engine acts as (Camunda's current authentication, e.g. the demo data acting as an official);
     * nobody reads nothing.
     */
    public DataScope scope() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.isAuthenticated() && caller.getName() != null) {
            return scopeOf(caller.getName(), Callers.groups(caller));
        }
        org.camunda.bpm.engine.impl.identity.Authentication engine = identityService.getCurrentAuthentication();
        if (engine != null && engine.getUserId() != null) {
            return scopeOf(engine.getUserId(), engine.getGroupIds() == null ? List.of() : engine.getGroupIds());
        }
        return DataScope.nothing();
    }

    private DataScope scopeOf(String userId, List<String> groups) {
        if (groups.stream().anyMatch(countyWideGroups::contains)) {
            return new DataScope(true, userId, groups, null, null);
        }
        Optional<Unit> unit = units.findUnitOfUser(userId);
        return new DataScope(false, userId, groups, unit.map(Unit::code).orElse(null), unit.map(Unit::name).orElse(null));
    }

    public boolean canSeeLead(long leadId) {
        return mapper.countLead(scope(), leadId) > 0;
    }

    public boolean canSeeProject(long projectId) {
        return mapper.countProject(scope(), projectId) > 0;
    }

    /** 404 unless the lead exists and the caller may read it. */
    public void requireLead(long leadId) {
        if (!canSeeLead(leadId)) {
            throw ApiException.notFound("线索 " + leadId + " 不存在 / Lead " + leadId + " not found");
        }
    }

    /** 404 unless the project exists and the caller may read it. */
    public void requireProject(long projectId) {
        if (!canSeeProject(projectId)) {
            throw ApiException.notFound("项目 " + projectId + " 不存在 / Project " + projectId + " not found");
        }
    }

    /** 404 unless the enterprise appeal exists and the caller may read it. */
    public void requireAppeal(long appealId) {
        if (mapper.countAppeal(scope(), appealId) == 0) {
            throw ApiException.notFound("诉求 " + appealId + " 不存在 / Appeal " + appealId + " not found");
        }
    }

    /** 404 unless the research meeting exists and the caller may read it. */
    public void requireMeeting(long meetingId) {
        if (mapper.countMeeting(scope(), meetingId) == 0) {
            throw ApiException.notFound("会议 " + meetingId + " 不存在 / Meeting " + meetingId + " not found");
        }
    }

    /** May the caller read the minutes of this meeting (every lead on its agenda)? */
    public boolean canReadMinutes(long meetingId) {
        return mapper.countMinutesReader(scope(), meetingId) > 0;
    }

    /** Those of these leads the caller may read. */
    public Set<Long> visibleLeads(Collection<Long> leadIds) {
        return leadIds.isEmpty() ? Set.of() : new HashSet<>(mapper.visibleLeads(scope(), Set.copyOf(leadIds)));
    }

    /** Those of these projects the caller may read. */
    public Set<Long> visibleProjects(Collection<Long> projectIds) {
        return projectIds.isEmpty() ? Set.of() : new HashSet<>(mapper.visibleProjects(scope(), Set.copyOf(projectIds)));
    }

    /** Those of these process instances that are about something the caller may read. */
    public Set<String> visibleInstances(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? Set.of()
                : new HashSet<>(mapper.visibleInstances(scope(), Set.copyOf(processInstanceIds)));
    }
}
