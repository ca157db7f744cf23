package cn.zhaoshang.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.zhaoshang.security.DataScope;

/**
 * The warnings of the 智控系统 (panan §四.1: 实时预警、实时监管): milestones past their due day, and projects not
 * updated in time (flags recorded against the unit, which costs it points in the annual assessment). Counted per
 * responsible unit; a unit filter takes the projects it is responsible for and those it reported (线索追溯). Only the
 * projects {@code scope} may read count (security/Visibility); the statements are in WarningMapper.xml.
 */
@Mapper
public interface WarningMapper {

    /** Open milestones of projects still being tracked whose due day has passed, per responsible unit. */
    List<UnitCount> overdueMilestonesByUnit(@Param("scope") DataScope scope, @Param("today") LocalDate today,
            @Param("unit") String unit);

    /** 未及时更新: stale-progress flags recorded against each unit in the period. */
    List<UnitCount> staleFlagsByUnit(@Param("scope") DataScope scope, @Param("unit") String unit,
            @Param("from") Instant from, @Param("before") Instant before);

    /** The overdue milestones themselves, the most overdue first. */
    List<OverdueMilestone> overdueMilestones(@Param("scope") DataScope scope, @Param("today") LocalDate today,
            @Param("unit") String unit, @Param("limit") int limit);

    record UnitCount(String unit, long count) {
    }

    record OverdueMilestone(long projectId, String companyName, String projectName, String unit,
            String taskForceLeader, String milestone, LocalDate dueOn) {
    }
}
