import java.util.*;
import java.util.stream.*;
import io.schedsim.core.metrics.PercentileSummary;
import io.schedsim.prop.notebook.*;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.search.*;
import io.schedsim.prop.replay.*;
