package io.clientspace.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/** The paging tests' shared steps: tasks whose due dates run against their order of creation, read back in pages. */
final class PagedTasks {

    private PagedTasks() {
    }

    /**
     * Creates {@code count} tasks titled {@code title(i)}, assigned to the manager; the later a task is created, the
     * sooner it is due, so the order of the list is not the order of creation.
     *
     * @return their titles soonest due first, the order the list must show
     */
    static List<String> dueAgainstCreation(int count, IntFunction<String> title, Consumer<TaskDraft> create) {
        List<String> expected = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (int i = 1; i <= count; i++) {
            create.accept(WorkTaskServiceIntegrationTests.draft(title.apply(i), "manager", today.plusDays(40L - i),
                    TaskPriority.NORMAL));
            expected.add(0, title.apply(i));
        }
        return expected;
    }

    /** The titles of pages of {@code size} from offset 0 up to {@code until}, read one page at a time. */
    static List<String> readInPages(int size, int until, IntFunction<List<WorkTask>> pageAt) {
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < until; offset += size) {
            paged.addAll(pageAt.apply(offset).stream().map(WorkTask::title).toList());
        }
        return paged;
    }
}
