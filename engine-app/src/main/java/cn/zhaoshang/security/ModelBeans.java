package cn.zhaoshang.security;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The Spring beans a process model may name in an expression: the app's own service-task delegates and listeners
 * ({@code *Delegate} / {@code *Listener} beans of {@code cn.zhaoshang} that are a JavaDelegate, ExecutionListener or
 * TaskListener) and the helper beans listed in {@code zhaoshang.security.models.helper-beans} (the deadline and
 * schedule calculators the models call). Every other bean ({@code runtimeService}, {@code dataSource},
 * {@code processEngine} …) is out of the models' reach: at deployment ({@link ExpressionRules}) and at run time
 * ({@link #asExpressionBeans()}, the only beans the engine's expression resolver sees).
 */
@Component
public class ModelBeans implements ExpressionRules.BeanCatalog {

    /** application.yaml {@code zhaoshang.security.models.helper-beans}. */
    @ConfigurationProperties("zhaoshang.security.models")
    public record Properties(List<String> helperBeans) {

        public Properties {
            helperBeans = helperBeans == null ? List.of() : List.copyOf(helperBeans);
        }
    }

    private static final List<Class<?>> CALLBACKS = List.of(JavaDelegate.class, ExecutionListener.class,
            TaskListener.class);

    private final ListableBeanFactory beanFactory;
    private final Set<String> helperBeans;
    private final Map<String, Set<String>> membersByBean = new ConcurrentHashMap<>();
    /** Bean definitions do not change while the app runs; expressions ask for every name they resolve. */
    private final Map<String, Boolean> allowed = new ConcurrentHashMap<>();

    public ModelBeans(ListableBeanFactory beanFactory, Properties properties) {
        this.beanFactory = beanFactory;
        this.helperBeans = Set.copyOf(properties.helperBeans());
    }

    @Override
    public boolean isBean(String name) {
        return beanFactory.containsBean(name);
    }

    @Override
    public boolean isAllowed(String name) {
        return allowed.computeIfAbsent(name, this::decide);
    }

    private boolean decide(String name) {
        if (!isBean(name)) {
            return false;
        }
        Class<?> type = type(name);
        if (type == null || !type.getName().startsWith(ModelRules.APP_PACKAGE)) {
            return false;
        }
        if (helperBeans.contains(name)) {
            return true;
        }
        return (name.endsWith("Delegate") || name.endsWith("Listener"))
                && CALLBACKS.stream().anyMatch(callback -> callback.isAssignableFrom(type));
    }

    /** Public instance methods (and their getter properties) that the app's own classes declare. */
    @Override
    public boolean allowsMember(String bean, String member) {
        return isAllowed(bean) && membersByBean.computeIfAbsent(bean, name -> members(type(name))).contains(member);
    }

    private static Set<String> members(Class<?> type) {
        Set<String> members = new LinkedHashSet<>();
        for (Class<?> c = type; c != null && c.getName().startsWith(ModelRules.APP_PACKAGE); c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic()) {
                    members.add(method.getName());
                    property(method).ifPresent(members::add);
                }
            }
        }
        return members;
    }

    private static java.util.Optional<String> property(Method getter) {
        String name = getter.getName();
        int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
        if (prefix == 0 || name.length() == prefix || getter.getParameterCount() > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1));
    }

    private Class<?> type(String name) {
        Class<?> type = beanFactory.getType(name, false);
        return type == null ? null : ClassUtils.getUserClass(type);
    }

    /** The allowed bean names, for docs and tests. */
    public Set<String> allowedNames() {
        return Arrays.stream(beanFactory.getBeanDefinitionNames()).filter(this::isAllowed)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * The engine's view of the beans: only the allowed ones, looked up when an expression asks (the delegates need the
     * engine, so they cannot be created before it).
     */
    public Map<Object, Object> asExpressionBeans() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && isAllowed(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? beanFactory.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return allowedNames().stream()
                        .<Entry<Object, Object>>map(name -> new SimpleImmutableEntry<>(name, beanFactory.getBean(name)))
                        .collect(Collectors.toSet());
            }
        };
    }
}
