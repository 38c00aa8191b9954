package io.github.dicomscu.net.association;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A factory for the engine's timer threads: each scheduler it creates has one daemon
 * thread, which exists only while tasks are scheduled (it ends a second after the last
 * one), and cancelled tasks leave its queue at once.
 */
final class DaemonScheduler {

	private DaemonScheduler() {
	}

	/**
	 * Create a scheduler whose thread has the given name.
	 * @param threadName the thread's name
	 * @return the scheduler
	 */
	static ScheduledThreadPoolExecutor create(String threadName) {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, threadName);
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		executor.setKeepAliveTime(1, TimeUnit.SECONDS);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

}
