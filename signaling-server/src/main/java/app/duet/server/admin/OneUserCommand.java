package app.duet.server.admin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** An admin command about one account, named by its first argument. */
public abstract class OneUserCommand implements Callable<Integer> {
    @Mixin
    protected AdminOptions admin;

    @Parameters(index = "0", paramLabel = "USERNAME")
    protected String username;
}
