package city.yingzao.portal.application;

import city.yingzao.portal.domain.Training;
import city.yingzao.portal.infrastructure.TrainingClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A trainer's sessions (attendance, the self-mark code) and a learner's sessions, transcript and certificates. */
@ApplicationScoped
public class TrainingWork {

    @Inject
    @RestClient
    TrainingClient training;

    public record LearnerDesk(List<Training.Enrolment> enrolments, Training.Transcript transcript, Map<String, String> titles) {

        /** A session's title where training still lists it publicly, else the first characters of its id. */
        public String title(String sessionId) {
            String t = titles.get(sessionId);
            return t != null ? t : sessionId.length() > 8 ? sessionId.substring(0, 8) : sessionId;
        }
    }

    public List<Training.Session> sessions() {
        return training.sessions();
    }

    public Training.SessionView session(String id) {
        return training.session(id);
    }

    public Training.ShownCode showCode(String session, int seq) {
        return training.showCode(session, seq);
    }

    public void markPresent(String session, int seq, List<String> people) {
        training.attendance(session, seq, new Training.AttendanceRequest(people));
    }

    public LearnerDesk learner() {
        Map<String, String> titles = new HashMap<>();
        training.openSessions().forEach(s -> titles.put(s.id(), s.title()));
        return new LearnerDesk(training.myEnrolments(), training.myTranscript(), titles);
    }

    public void selfMark(String session, int seq, String code) {
        training.selfMark(session, seq, new Training.CodeRequest(code));
    }
}
