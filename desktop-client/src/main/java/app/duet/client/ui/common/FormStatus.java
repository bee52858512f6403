package app.duet.client.ui.common;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The busy flag and the message line of a form that sends one request at a time to the server. The
 * account forms (log in, sign up, password reset) share how a request shows: busy while it runs, its
 * failure explained in the message line, its result handled on the UI thread.
 */
public final class FormStatus {
    private final Executor ui;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();

    public FormStatus(Executor ui) {
        this.ui = ui;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Shows a message, or clears the line with null. */
    public void show(UserMessage shown) {
        message.set(shown);
    }

    /**
     * Marks the form busy until the request ends. A failure is shown in the message line and then
     * {@code afterFailure} runs; a success goes to {@code onSuccess}. Both run on the UI thread.
     */
    public <T> void send(CompletionStage<T> request, Consumer<T> onSuccess, Runnable afterFailure) {
        send(request, onSuccess, afterFailure, ErrorMessages::of);
    }

    /** As {@link #send(CompletionStage, Consumer, Runnable)}, a failure explained by {@code explain}. */
    public <T> void send(CompletionStage<T> request, Consumer<T> onSuccess, Runnable afterFailure,
                         Function<Throwable, UserMessage> explain) {
        busy.set(true);
        request.whenCompleteAsync((result, error) -> {
            busy.set(false);
            if (error != null) {
                message.set(explain.apply(error));
                afterFailure.run();
            } else {
                onSuccess.accept(result);
            }
        }, ui);
    }
}
