"""Training one cell on a task: hand-written BPTT, optimisers, tasks and the training loop.

numpy only. Everything is float64 and seeded, so a run is reproducible bit for bit.
"""

from simulator.training.bptt import state_gradient_norms
from simulator.training.loss import LOSSES, Evaluation, evaluate, loss_and_gradients
from simulator.training.optim import OPTIMIZERS, SGD, Adam, Optimizer, clip_grad_norm, make_optimizer
from simulator.training.tasks import TASKS, Task, parse_task
from simulator.training.trainer import Record, Snapshot, TrainConfig, Trainer, train

__all__ = ["LOSSES", "OPTIMIZERS", "SGD", "TASKS", "Adam", "Evaluation", "Optimizer", "Record", "Snapshot",
           "Task", "TrainConfig", "Trainer", "clip_grad_norm", "evaluate", "loss_and_gradients",
           "make_optimizer", "parse_task", "state_gradient_norms", "train"]
