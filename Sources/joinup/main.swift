print("joinup")
