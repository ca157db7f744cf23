package cn.zhaoshang.governance;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What the Java code names in process models: the constants classes of the features (a class of {@code cn.zhaoshang}
 * with a {@code static final String} whose value is a process key {@code Process_…}, e.g. {@code LandingApproval}) and
 * every string constant in them and their nested classes (element ids, message names, variable names, form ids).
 * Found by reading the app's class files once, so a new feature's constants class is covered without configuration.
 */
@Component
public class ProductReferences {

    static final String PROCESS_PREFIX = "Process_";
    private static final String PACKAGE = "cn/zhaoshang/";

    /** One constants class: its name, the process keys and all string constants it (and its nested classes) holds. */
    public record ConstantsClass(String name, Set<String> processKeys, Set<String> constants, Set<String> variables) {
    }

    private volatile List<ConstantsClass> classes;

    public List<ConstantsClass> classes() {
        List<ConstantsClass> found = classes;
        if (found == null) {
            found = scan();
            classes = found;
        }
        return found;
    }

    /** The constants classes that name this process key. */
    public List<ConstantsClass> naming(String processKey) {
        return classes().stream().filter(c -> c.processKeys().contains(processKey)).toList();
    }

    /**
     * Reads the constant values from the class files (ASM, as Spring reads annotations) without loading or
     * initialising any class, and only the app's own classes (the location of this class: target/classes or the
     * jar's BOOT-INF/classes), never the tests'.
     */
    private static List<ConstantsClass> scan() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                ProductReferences.class.getClassLoader());
        String self = String.valueOf(ProductReferences.class.getResource("ProductReferences.class"));
        String root = self.substring(0, self.length() - (PACKAGE + "governance/ProductReferences.class").length());
        Map<String, Map<String, List<String>>> byTopLevel = new TreeMap<>();
        try {
            for (Resource resource : resolver.getResources("classpath*:" + PACKAGE + "**/*.class")) {
                if (!resource.getURL().toString().startsWith(root)) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    ClassReader reader = new ClassReader(in);
                    String name = reader.getClassName().replace('/', '.');
                    String topLevel = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                    List<String> values = new ArrayList<>();
                    reader.accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                        @Override
                        public FieldVisitor visitField(int access, String field, String descriptor, String signature,
                                Object value) {
                            if ((access & Opcodes.ACC_STATIC) != 0 && (access & Opcodes.ACC_FINAL) != 0
                                    && value instanceof String constant) {
                                values.add(constant);
                            }
                            return null;
                        }
                    }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                    byTopLevel.computeIfAbsent(topLevel, k -> new TreeMap<>()).put(name, values);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot scan the app's classes", e);
        }
        List<ConstantsClass> found = new ArrayList<>();
        byTopLevel.forEach((topLevel, classes) -> {
            Set<String> own = new LinkedHashSet<>(classes.getOrDefault(topLevel, List.of()));
            if (own.stream().noneMatch(v -> v.startsWith(PROCESS_PREFIX))) {
                return;
            }
            Set<String> constants = new LinkedHashSet<>();
            Set<String> variables = new LinkedHashSet<>();
            classes.forEach((name, values) -> {
                constants.addAll(values);
                if (name.contains("$Var")) {
                    variables.addAll(values);
                }
            });
            Set<String> keys = new LinkedHashSet<>();
            constants.stream().filter(c -> c.startsWith(PROCESS_PREFIX)).forEach(keys::add);
            found.add(new ConstantsClass(topLevel.substring(topLevel.lastIndexOf('.') + 1),
                    Collections.unmodifiableSet(keys), Collections.unmodifiableSet(constants),
                    Collections.unmodifiableSet(variables)));
        });
        return List.copyOf(found);
    }
}
