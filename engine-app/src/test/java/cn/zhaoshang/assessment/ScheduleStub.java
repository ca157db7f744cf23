package cn.zhaoshang.assessment;

import java.util.Date;
import java.util.List;

/**
 * Stand-in for the {@code assessmentSchedule} bean in the model tests: the crons the timer start events read at
 * deployment, the first working day the monthly notice waits for, and the heads of a unit.
 */
public class ScheduleStub {

    public Date firstWorkingDay;

    public String monthlyNoticeCycle() {
        return "0 30 0 1 * ?";
    }

    public String midYearCycle() {
        return "0 0 18 30 6 ?";
    }

    public String nineMonthCycle() {
        return "0 0 18 30 9 ?";
    }

    public String quarterlyCycle() {
        return "0 0 9 5 1,4,7,10 ?";
    }

    public String annualCycle() {
        return "0 0 9 10 1 ?";
    }

    public Date firstWorkingDayOfMonth() {
        return firstWorkingDay;
    }

    public List<String> unitHeads(String unitCode) {
        return "town-a".equals(unitCode) ? List.of("head-a") : List.of();
    }
}
