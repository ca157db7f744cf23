package cn.zhaoshang.notification;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** E-mail addresses of users and of a group's members, from Camunda's identity service (users without one are skipped). */
@Component
public class Recipients {

    private final IdentityService identityService;

    public Recipients(IdentityService identityService) {
        this.identityService = identityService;
    }

    public List<String> ofUser(String userId) {
        return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(User::getEmail).filter(Recipients::usable).stream().toList();
    }

    public List<String> ofGroup(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).unlimitedList().stream()
                .map(User::getEmail).filter(Recipients::usable).distinct().toList();
    }

    private static boolean usable(String email) {
        return email != null && email.contains("@");
    }
}
