#pragma once
/// Everything of an index run, one header per step (COINr's pipeline: denominate, impute,
/// screen, treat outliers, normalise, aggregate, rank), kept so that existing includes of
/// dxkit/index/pipeline.hpp keep working.
#include "dxkit/index/aggregate.hpp"
#include "dxkit/index/denominate.hpp"
#include "dxkit/index/framework.hpp"
#include "dxkit/index/impute.hpp"
#include "dxkit/index/normalise.hpp"
#include "dxkit/index/options.hpp"
#include "dxkit/index/panel.hpp"
#include "dxkit/index/ranks.hpp"
#include "dxkit/index/run.hpp"
#include "dxkit/index/screen.hpp"
#include "dxkit/index/treat.hpp"
