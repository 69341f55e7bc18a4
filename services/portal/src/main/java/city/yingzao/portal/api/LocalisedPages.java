package city.yingzao.portal.api;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

/** Sets the visitor's locale on every page a {@link Localised} resource returns, so message bundles speak it. */
@Localised
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class LocalisedPages {

    @Inject
    Visitor visitor;

    @AroundInvoke
    Object localise(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        if (result instanceof TemplateInstance page) {
            page.setLocale(visitor.lang().locale());
        } else if (result instanceof Response response && response.getEntity() instanceof TemplateInstance page) {
            page.setLocale(visitor.lang().locale());
        }
        return result;
    }
}
