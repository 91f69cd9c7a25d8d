"""Insight tools on top of the engine: compare cells, branch a run, dashboards, conventions, reproduce.

numpy and the standard library only (no Qt); the views are built on these functions.

compare      :func:`compare_cells`, :func:`default_trio`, :func:`aligned_arrays`
memory       :func:`memory_curve` -> :class:`MemoryResult` (``delay_below``)
branch       :class:`Branch`, :class:`GateForce`, :func:`run_branch`, :func:`divergence`
branch_io    :func:`branch_to_dict`, :func:`branch_from_dict`, :func:`parse_force_spec`
dashboard    :func:`saturation`, :func:`timescales`, :func:`recurrent_spectrum`,
             :func:`jacobian_norms`, :data:`EXPLANATIONS`
conventions  :func:`convention_variants`, :func:`convention_errors`
reproduce    :func:`reproduce_script`, :func:`write_reproduce_script`
"""

from simulator.insight.branch import Branch, GateForce, divergence, run_branch
from simulator.insight.branch_io import (
           branch_from_dict,
           branch_to_dict,
           branches_from_settings,
           parse_force_spec,
)
from simulator.insight.compare import aligned_arrays, compare_cells, default_trio
from simulator.insight.conventions import ConventionResult, Variant, convention_errors, convention_variants
from simulator.insight.dashboard import (
           EXPLANATIONS,
           jacobian_norms,
           recurrent_spectrum,
           saturation,
           timescales,
)
from simulator.insight.memory import MemoryResult, memory_curve
from simulator.insight.reproduce import reproduce_script, write_reproduce_script

__all__ = ["EXPLANATIONS", "Branch", "ConventionResult", "GateForce", "MemoryResult", "Variant",
           "aligned_arrays", "branch_from_dict", "branch_to_dict", "branches_from_settings", "compare_cells",
           "convention_errors", "convention_variants", "default_trio", "divergence", "jacobian_norms",
           "memory_curve", "parse_force_spec", "recurrent_spectrum", "reproduce_script", "run_branch",
           "saturation", "timescales", "write_reproduce_script"]
