# Classes: attributes, methods, inheritance, super(), class attributes.
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"{self.kind}: {self.speak()}"
class Dog(Animal):
    kind = "dog"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("Rex", "lab")
print(d.describe(), d.breed, Dog.kind, Animal.kind)
print(isinstance(d, Animal), issubclass(Dog, Animal), type(d) is Dog)
print(Dog.__name__, Dog.__qualname__, Dog.__mro__)
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B" + super().who()
class C(A):
    def who(self):
        return "C" + super().who()
class D(B, C):
    def who(self):
        return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
