package cn.zhaoshang.system;

import java.util.List;

/** The database is set up in a way this product must not run on; the app refuses to start and says what to change. */
public class DatabaseSettingsException extends RuntimeException {

    private final List<String> problems;

    public DatabaseSettingsException(List<String> problems) {
        super("数据库设置不符合要求，系统拒绝启动 / the database settings are wrong, refusing to start:\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
