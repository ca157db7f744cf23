package cn.zhaoshang.assessment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.zhaoshang.calendar.WorkingCalendar;
import cn.zhaoshang.system.EngineClock;

/**
 * What the assessment calendar's timers and the 离岗招商 task read (a helper bean of the deployment rule,
 * {@code zhaoshang.security.models.helper-beans}): the crons from configuration, the first working day of the month on
 * the official calendar, the report deadline, and who the head of a unit is.
 */
@Component(Assessment.Bean.SCHEDULE)
public class AssessmentSchedule {

    private final AssessmentProperties properties;
    private final WorkingCalendar calendar;
    private final AssessmentMapper mapper;
    /** lazily: the engine reads this bean's crons while it is being built. */
    private final ObjectProvider<IdentityService> identityService;

    AssessmentSchedule(AssessmentProperties properties, WorkingCalendar calendar, AssessmentMapper mapper,
            ObjectProvider<IdentityService> identityService) {
        this.properties = properties;
        this.calendar = calendar;
        this.mapper = mapper;
        this.identityService = identityService;
    }

    public String monthlyNoticeCycle() {
        return properties.monthlyNotice().cycle();
    }

    public String midYearCycle() {
        return properties.midYear().cycle();
    }

    public String nineMonthCycle() {
        return properties.nineMonth().cycle();
    }

    public String quarterlyCycle() {
        return properties.quarterly().cycle();
    }

    public String annualCycle() {
        return properties.annual().cycle();
    }

    /** The first working day of this month (Beijing) at the notice hour: 1 October → the first day after the holiday. */
    public Date firstWorkingDayOfMonth() {
        LocalDate day = EngineClock.today().withDayOfMonth(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return Date.from(day.atTime(LocalTime.of(properties.monthlyNotice().hour(), 0)).atZone(EngineClock.BEIJING)
                .toInstant());
    }

    /** The 离岗招商 report deadline of {@code year}: the end of the configured day (5 October), Beijing time. */
    public String reportDueAt(int year) {
        MonthDay due = properties.nineMonth().reportDue();
        return due.atYear(year).atTime(LocalTime.of(23, 59, 59)).atZone(EngineClock.BEIJING).toOffsetDateTime().toString();
    }

    /** The users of the unit who are its heads (members of {@code unit-head}); empty when it has none. */
    public List<String> unitHeads(String unitCode) {
        List<String> members = mapper.usersOfUnit(unitCode);
        if (members.isEmpty()) {
            return List.of();
        }
        return identityService.getObject().createUserQuery().memberOfGroup(Assessment.UNIT_HEAD_GROUP)
                .userIdIn(members.toArray(String[]::new)).unlimitedList().stream().map(User::getId).sorted().toList();
    }
}
