//! Training for the `Backend`: modules with an actor's passes, and graded quizzes.

use app::error::AppError;
use app::models::{QuizResult, SessionUser, TrainingModuleView, TrainingView};
use domain::account::Role;
use domain::training::grade;
use domain::vocab::Module;

use super::{ServerBackend, now_unix, unexpected};

impl ServerBackend {
    /// The actor profile of `user`, if they are an actor with one.
    async fn trainee(&self, user: Option<&SessionUser>) -> Result<Option<i64>, AppError> {
        match user {
            Some(user) if user.role == Role::Actor => self.actor_id(user).await,
            _ => Ok(None),
        }
    }

    pub(super) async fn training_view(
        &self,
        user: Option<&SessionUser>,
    ) -> Result<TrainingView, AppError> {
        let actor = self.trainee(user).await?;
        let passes = match actor {
            Some(id) => {
                self.store.training_passes(id).await.map_err(unexpected("training_passes"))?
            }
            None => Vec::new(),
        };
        let modules = Module::ALL
            .iter()
            .map(|m| TrainingModuleView {
                module: *m,
                passed_at: passes.iter().find(|(p, _)| p == m).map(|(_, at)| *at),
            })
            .collect();
        Ok(TrainingView { modules, records: actor.is_some() })
    }

    pub(super) async fn training_quiz(
        &self,
        user: Option<&SessionUser>,
        module: Module,
        answers: &[String],
    ) -> Result<QuizResult, AppError> {
        let grade = grade(module, answers);
        let actor = self.trainee(user).await?;
        let recorded = match actor {
            Some(id) if grade.passed() => {
                self.store
                    .record_training_pass(id, module, now_unix())
                    .await
                    .map_err(unexpected("record_training_pass"))?;
                true
            }
            _ => false,
        };
        Ok(QuizResult { module, grade, recorded })
    }
}
