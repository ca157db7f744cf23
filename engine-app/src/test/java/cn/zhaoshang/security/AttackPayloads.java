package cn.zhaoshang.security;

import java.nio.file.Path;

/** The attack payloads the security tests send (kept apart from engine tests so using them starts no engine). */
final class AttackPayloads {

    private AttackPayloads() {
    }

    /**
     * A JUEL expression that creates {@code marker} when evaluated (reflection to any class, as the advisory's remote
     * code execution does): the file's existence is the proof that code ran.
     */
    static String createsFile(Path marker) {
        return "${''.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('" + marker
                + "').createNewFile().toString()}";
    }
}
