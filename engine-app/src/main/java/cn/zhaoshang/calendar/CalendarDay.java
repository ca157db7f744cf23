package cn.zhaoshang.calendar;

import java.time.LocalDate;

/** A day that is not what its weekday says: a statutory holiday on a weekday, or a make-up workday (调休) on a weekend. */
public record CalendarDay(LocalDate calendarDate, String kind, String name) {

    public static final String HOLIDAY = "HOLIDAY";
    public static final String WORKDAY = "WORKDAY";
}
