package cn.zhaoshang.calendar;

import java.time.Instant;

/** A year whose holidays are known (published by the State Council General Office) and where they come from. */
public record CalendarYear(int yearNumber, String source, String updatedBy, Instant updatedAt) {
}
