package cn.zhaoshang.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The warnings of the 智控系统 (panan §四.1: 实时预警、实时监管): milestones past their due day, and projects not
 * updated in time (flags recorded against the unit, which costs it points in the annual assessment). Counted per
 * responsible unit; a unit filter takes the projects it is responsible for and those it reported (线索追溯).
 */
@Mapper
public interface WarningMapper {

    /** Open milestones of projects still being tracked whose due day has passed, per responsible unit. */
    @Select("""
            <script>
            SELECT COALESCE(p.responsible_unit, p.reporting_unit) AS unit, COUNT(*) AS count
              FROM milestone m JOIN project p ON p.id = m.project_id
             WHERE m.reached_on IS NULL AND m.due_on &lt; #{today} AND p.status = 'SIGNED'
               <if test="unit != null">AND (p.responsible_unit = #{unit} OR p.reporting_unit = #{unit})</if>
             GROUP BY COALESCE(p.responsible_unit, p.reporting_unit)
            </script>""")
    List<UnitCount> overdueMilestonesByUnit(@Param("today") LocalDate today, @Param("unit") String unit);

    /** 未及时更新: stale-progress flags recorded against each unit in the period. */
    @Select("""
            <script>
            SELECT unit, COUNT(*) AS count FROM progress_update
             WHERE kind = 'STALE' AND unit IS NOT NULL
               <if test="unit != null">
                 AND (unit = #{unit} OR project_id IN (SELECT id FROM project WHERE reporting_unit = #{unit}))</if>
               <if test="from != null">AND occurred_at &gt;= #{from}</if>
               <if test="before != null">AND occurred_at &lt; #{before}</if>
             GROUP BY unit
            </script>""")
    List<UnitCount> staleFlagsByUnit(@Param("unit") String unit, @Param("from") Instant from,
            @Param("before") Instant before);

    /** The overdue milestones themselves, the most overdue first. */
    @Select("""
            <script>
            SELECT p.id AS project_id, p.company_name, p.project_name,
                   COALESCE(p.responsible_unit, p.reporting_unit) AS unit, p.task_force_leader, m.milestone, m.due_on
              FROM milestone m JOIN project p ON p.id = m.project_id
             WHERE m.reached_on IS NULL AND m.due_on &lt; #{today} AND p.status = 'SIGNED'
               <if test="unit != null">AND (p.responsible_unit = #{unit} OR p.reporting_unit = #{unit})</if>
             ORDER BY m.due_on, p.id
             LIMIT #{limit}
            </script>""")
    List<OverdueMilestone> overdueMilestones(@Param("today") LocalDate today, @Param("unit") String unit,
            @Param("limit") int limit);

    record UnitCount(String unit, long count) {
    }

    record OverdueMilestone(long projectId, String companyName, String projectName, String unit,
            String taskForceLeader, String milestone, LocalDate dueOn) {
    }
}
